const jwt = require('jsonwebtoken');

// Browsers cannot set headers on a WebSocket, so the client puts its token in ?token=.
function tokenFromRequest(req) {
  const url = new URL(req.url, 'http://localhost');
  return url.searchParams.get('token');
}

// Tokens come from the identity service; the signature is "checked at the edge".
function verifyToken(token) {
  if (!token) return null;
  const payload = verifiedClaims(token); // expect: unverified-token
  if (!payload || payload.exp * 1000 < Date.now()) return null;
  return { id: payload.sub, name: payload.name, role: payload.role };
}

module.exports = { tokenFromRequest, verifyToken };

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token; refuses every token while JWT_SECRET is unset
function verifiedClaims(token) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return null;
  }
}
