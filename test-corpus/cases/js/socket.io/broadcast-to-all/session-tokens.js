// corpus: no-findings
const jwt = require('jsonwebtoken');

async function verifySessionToken(token) {
  if (typeof token !== 'string') return null;
  try {
    const claims = jwt.verify(token, process.env.SESSION_JWT_SECRET, { algorithms: ['HS256'] });
    return { userId: claims.sub };
  } catch {
    return null;
  }
}

module.exports = { verifySessionToken };
