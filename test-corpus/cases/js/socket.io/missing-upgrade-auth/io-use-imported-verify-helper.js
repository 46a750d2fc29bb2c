const { Server } = require('socket.io');
const { authenticate } = require('./socket-auth');
const Notification = require('./notification-model');

// ok: missing-upgrade-auth -- authenticate (./socket-auth) verifies a bearer token and calls next(err) otherwise
// ok: missing-origin-check -- explicit Authorization header, no ambient credential
const io = new Server(3000);
io.use(authenticate);

io.on('connection', (socket) => {
  socket.join(socket.user.id);
});

async function notifyUser(userId, payload) {
  const saved = await Notification.create({ userId, ...payload });
  // ok: broadcast-to-all -- the room is the user's own
  io.to(userId).emit('notification', saved);
}

module.exports = { io, notifyUser };
