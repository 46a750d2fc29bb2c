const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const Report = require('./models/report');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// ok: missing-upgrade-auth -- io.use verifies the token for '/'
// ok: missing-origin-check
const io = new Server(5050, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token) {
  return null;
}

io.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
    next();
  } catch (err) {
    next(new Error('unauthorized'));
  }
});

io.of('/reports').use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error('unauthorized'));
    return;
  }
  socket.data.user = user;
  next();
});

// expect: missing-upgrade-auth -- io.use does not run for '/reports'
// expect: missing-origin-check
io.of('/reports').on('connection', (socket) => {
  // expect: missing-message-authz
  socket.on('report:purge', async (olderThan) => {
    const { deletedCount } = await Report.deleteMany({ createdAt: { $lt: new Date(olderThan) } });
    socket.emit('report:purged', deletedCount);
  });
});
