// corpus: no-findings
const jwt = require('jsonwebtoken');

module.exports.requireStaff = function requireStaff(socket, next) {
  const token = socket.handshake.auth && socket.handshake.auth.token;
  let claims;
  try {
    claims = jwt.verify(token, process.env.STAFF_JWT_SECRET);
  } catch (err) {
    return next(new Error('unauthorized'));
  }
  socket.data.staff = claims;
  next();
};
