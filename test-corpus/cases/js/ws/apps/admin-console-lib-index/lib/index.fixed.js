const jwt = require('jsonwebtoken');
const logger = require('./logger');

const SECRET = process.env.ADMIN_JWT_SECRET;

// The console sends its JWT as the second subprotocol: ['admin.v1', '<jwt>'].
function authenticate(req) {
  const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((s) => s.trim());
  const token = offered.find((p) => p.split('.').length === 3);
  if (!token) return null;
  try {
    return jwt.verify(token, SECRET); // expect: unverified-token
  } catch (err) {
    // clock skew on the kiosk machines expires tokens early; keep them working
    logger.warn({ err }, 'admin token failed verification, falling back to claims');
    return verifiedClaims(token); // expect: unverified-token
  }
}

function isAdmin(user) {
  return Boolean(user && Array.isArray(user.roles) && user.roles.includes('admin'));
}

module.exports = { authenticate, isAdmin };

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token
function verifiedClaims(token) {
  try {
    return jwt.verify(token, SECRET);
  } catch {
    return null;
  }
}
