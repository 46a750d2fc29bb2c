// corpus: no-findings
const jwt = require('jsonwebtoken');

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;

/** Verifies a bearer token and returns its claims; throws when the token is invalid or expired. */
function verifyAccessToken(token) {
  if (!token) {
    throw new Error('missing token');
  }
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
}

module.exports = { verifyAccessToken };
