const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = new Server({ cors: { origin: true, credentials: true } });

io.use((socket, next) => {
  const decoded = verifiedClaims(socket.handshake.auth.token); // expect: unverified-token
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

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token; refuses every token while JWT_SECRET is unset
function verifiedClaims(token) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return null;
  }
}
