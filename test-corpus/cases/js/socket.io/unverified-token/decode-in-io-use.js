const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

// expect-no-fix: missing-upgrade-auth -- io.use decodes: the unverified-token patch makes it verify, a second middleware would double it
// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = new Server({ cors: { origin: true, credentials: true } });

io.use((socket, next) => {
  const decoded = jwt.decode(socket.handshake.auth.token); // expect: unverified-token
  if (!decoded) return next(new Error('no token'));
  socket.userId = decoded.sub;
  next();
});

io.on('connection', (socket) => {
  socket.on('profile:update', async (data) => {
    await updateProfile(socket.userId, data);
  });
});

async function updateProfile(id, data) {
  return { id, ...data };
}

io.listen(3000);
