const { Server } = require('socket.io');
const { requireStaff } = require('./staff-auth');
const orders = require('./orders');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// ok: missing-upgrade-auth
const io = new Server(3400, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token) {
  return null;
}

io.use(requireStaff);

// expect: missing-upgrade-auth -- requireStaff guards '/' only
// expect: missing-origin-check
const kitchen = io.of('/kitchen');
kitchen.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error('unauthorized'));
    return;
  }
  socket.data.user = user;
  next();
});

async function publishQueue() {
  const pending = await orders.findPending();
  // expect-no-fix: broadcast-to-all -- sent from a function outside any connection handler: no socket, so no user, in scope
  // expect: broadcast-to-all -- customer orders to every unauthenticated '/kitchen' connection
  kitchen.emit('queue', pending);
}

kitchen.on('connection', () => publishQueue());
