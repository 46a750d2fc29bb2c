const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const Report = require('./models/report');

// ok: missing-upgrade-auth -- io.use verifies the token for '/'
// ok: missing-origin-check
const io = new Server(5050);

io.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
    next();
  } catch (err) {
    next(new Error('unauthorized'));
  }
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
