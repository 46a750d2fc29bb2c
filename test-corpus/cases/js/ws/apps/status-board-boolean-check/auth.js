const jwt = require('jsonwebtoken');

// Used by the REST API's middleware, which only needs a yes or no.
function isAuthorized(req) {
  try {
    jwt.verify(req.headers['x-access-token'], process.env.API_SECRET); // ok: unverified-token -- a failure answers false
    return true;
  } catch {
    return false;
  }
}

module.exports = { isAuthorized };
