const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const { listChannels } = require('./channels');

// expect-no-fix: missing-upgrade-auth -- the connection handler verifies, too late: the fix is to that code, not a second check
// expect: missing-upgrade-auth -- the channel list is emitted before the token is checked
// expect: missing-origin-check
const io = new Server(3100);

io.on('connection', async (socket) => {
  socket.emit('channels', await listChannels());
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
  } catch (err) {
    socket.disconnect(true);
    return;
  }
  socket.on('channel:join', (name) => socket.join(name));
});
