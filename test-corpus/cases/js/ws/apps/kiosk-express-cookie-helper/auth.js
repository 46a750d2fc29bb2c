const jwt = require('jsonwebtoken');

// Express route guard: cookie-parser has filled req.cookies by the time it runs.
function authenticate(req) {
  try {
    return jwt.verify(req.cookies.token, process.env.JWT_SECRET); // ok: unverified-token -- a failure answers null
  } catch {
    return null;
  }
}

module.exports = authenticate;
