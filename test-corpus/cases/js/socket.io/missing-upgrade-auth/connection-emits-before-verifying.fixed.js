const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const { listChannels } = require('./channels');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect-no-fix: missing-upgrade-auth -- the connection handler verifies, too late: the fix is to that code, not a second check
// expect: missing-upgrade-auth -- the channel list is emitted before the token is checked
// expect: missing-origin-check
const io = new Server(3100, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

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
