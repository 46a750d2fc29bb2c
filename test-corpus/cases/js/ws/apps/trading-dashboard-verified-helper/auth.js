const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;
const ISSUER = 'auth.example-trading.com';

function issueToken(user) {
  return jwt.sign({ sub: user.id, role: user.role }, SECRET, { expiresIn: '15m', issuer: ISSUER });
}

// Returns the verified claims, or null when the token is missing, expired or forged.
function verifyToken(token) {
  if (!token) return null;
  try {
    return jwt.verify(token, SECRET, { algorithms: ['HS256'], issuer: ISSUER }); // ok: unverified-token -- returns null, the caller answers 401
  } catch (err) {
    return null;
  }
}

module.exports = { issueToken, verifyToken };
