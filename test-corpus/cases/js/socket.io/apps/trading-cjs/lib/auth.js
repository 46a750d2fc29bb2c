// corpus: no-findings
const jwt = require('jsonwebtoken');

function verifyTraderToken(token) {
  return jwt.verify(token, process.env.TRADER_SECRET, { algorithms: ['HS256'] });
}

exports.requireTrader = (socket, next) => {
  try {
    socket.trader = verifyTraderToken(socket.handshake.auth.token);
    next();
  } catch (e) {
    next(new Error('unauthorized'));
  }
};

exports.requireAdmin = (socket, next) => {
  try {
    const claims = verifyTraderToken(socket.handshake.auth.token);
    if (claims.role !== 'admin') return next(new Error('forbidden'));
    socket.admin = claims;
    next();
  } catch (e) {
    next(new Error('unauthorized'));
  }
};
