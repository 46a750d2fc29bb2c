const db = require('./db');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect: missing-origin-check
const io = require('socket.io')(3001, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) }); // expect: missing-upgrade-auth
io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error('unauthorized'));
    return;
  }
  socket.data.user = user;
  next();
});

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token) {
  return null;
}

io.on('connection', async (socket) => {
  if (!socket.data.user) {
    socket.disconnect(true);
    return;
  }
  socket.join(`user:${socket.data.user.id}`);
  const users = await db.query('SELECT id, email, last_login FROM users');
  // expect: broadcast-to-all -- every visitor gets the user table
  io.to(`user:${socket.data.user.id}`).emit('users', users);
  socket.on('chat', (msg) => {
    // expect: broadcast-to-all -- anonymous relay to every other connection
    socket.broadcast.emit('chat', msg);
  });
});
