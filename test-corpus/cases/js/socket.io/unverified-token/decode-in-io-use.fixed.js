const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect-no-fix: missing-upgrade-auth -- io.use decodes: the unverified-token patch makes it verify, a second middleware would double it
// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = new Server({ cors: { origin: true, credentials: true }, allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

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
