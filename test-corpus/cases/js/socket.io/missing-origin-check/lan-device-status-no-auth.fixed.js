// A home-automation hub serving its own UI on the LAN.
const http = require('http');
const { Server } = require('socket.io');
const devices = require('./devices');

const server = http.createServer();

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect: missing-origin-check -- any page a LAN user visits can connect and toggle devices
// expect: missing-upgrade-auth
const io = new Server(server, { cors: { origin: '*' }, allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });
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

io.on('connection', (socket) => {
  socket.emit('devices', devices.list());
  // expect: missing-message-authz
  socket.on('device:set', ({ deviceId, on }) => {
    devices.setPower(deviceId, on);
  });
});

server.listen(8123, '0.0.0.0');
