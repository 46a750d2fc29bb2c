// corpus: no-findings
const jwt = require('jsonwebtoken');

async function verifySocketToken(token) {
  const payload = jwt.verify(token, process.env.JWT_SECRET);
  return { id: payload.sub, role: payload.role };
}

module.exports = { verifySocketToken };
