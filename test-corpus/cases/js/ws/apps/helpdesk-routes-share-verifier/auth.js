const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;

function requireUser(token) {
  try {
    const { sub, name, role } = jwt.verify(token, SECRET); // ok: unverified-token -- a failure answers null
    return { id: sub, name, role };
  } catch {
    return null;
  }
}

function bearer(req) {
  const header = req.headers.authorization || '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

module.exports = { requireUser, bearer };
