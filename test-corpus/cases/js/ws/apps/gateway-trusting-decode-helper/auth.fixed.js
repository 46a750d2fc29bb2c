const jwt = require('jsonwebtoken');

// Tokens are checked by the API gateway in front of this service, so only the claims are read here.
function verifyToken(token) {
  const decoded = verifiedClaims(token); // expect: unverified-token
  if (!decoded) {
    return null;
  }
  return decoded;
}

module.exports = { verifyToken };

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token; refuses every token while JWT_SECRET is unset
function verifiedClaims(token) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return null;
  }
}
