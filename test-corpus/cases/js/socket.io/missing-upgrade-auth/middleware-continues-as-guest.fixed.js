const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect-no-fix: missing-upgrade-auth -- the middleware that lets guests through is to be fixed where it is, not doubled
// expect: missing-upgrade-auth -- the middleware calls next() whether or not the token verified
// expect: missing-origin-check
const io = new Server(4000, { cors: { origin: '*' }, allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

io.use((socket, next) => {
  const token = socket.handshake.query.token;
  try {
    socket.data.user = jwt.verify(token, process.env.SECRET); // expect: unverified-token
  } catch (e) {
    console.warn('bad token, continuing as guest', e.message);
    socket.data.user = { guest: true };
  }
  next();
});

io.on('connection', (socket) => {
  socket.on('ping', (cb) => cb('pong'));
});
