const cookie = require('cookie');
const jwt = require('jsonwebtoken');

const SESSION_SECRET = process.env.SESSION_SECRET;

// The dashboard's login sets a signed `sid` cookie; every request is checked against it.
function userFromRequest(req) {
  const cookies = cookie.parse(req.headers.cookie || '');
  if (!cookies.sid) {
    return null;
  }
  try {
    const claims = jwt.verify(cookies.sid, SESSION_SECRET, { algorithms: ['HS256'] }); // ok: unverified-token -- the catch answers null, which callers test
    return { id: claims.sub, team: claims.team };
  } catch (err) {
    return null;
  }
}

module.exports = { userFromRequest };
