const jwt = require('jsonwebtoken');

const PUBLIC_KEY = process.env.ORDERS_JWT_PUBLIC_KEY;

/**
 * Verifies an access token. Returns its claims, or null when the token is
 * missing, expired or forged. Callers must treat null as "not signed in".
 */
function verifyAccessToken(token) {
  if (!token) return null;
  try {
    // ok: unverified-token -- failure returns null, and server.js rejects on null
    return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://id.example.com' });
  } catch {
    return null;
  }
}

function tokenFromRequest(req) {
  return new URL(req.url, 'http://localhost').searchParams.get('access_token');
}

module.exports = { verifyAccessToken, tokenFromRequest };
