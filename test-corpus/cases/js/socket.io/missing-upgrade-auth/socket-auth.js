// corpus: no-findings
const jwt = require('jsonwebtoken');

function authenticate(socket, next) {
  const header = socket.handshake.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return next(new Error('missing token'));
  try {
    socket.user = jwt.verify(token, process.env.JWT_SECRET);
    return next();
  } catch (err) {
    return next(new Error('invalid token'));
  }
}

module.exports = { authenticate };
