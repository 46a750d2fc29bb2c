// corpus: no-findings
'use strict';
const jwt = require('jsonwebtoken');

// Returns the agent's claims, or null when the token is missing, expired or forged.
function verifyAgentToken(token) {
  if (!token) return null;
  try {
    return jwt.verify(token, process.env.AGENT_JWT_SECRET, { algorithms: ['HS256'] });
  } catch {
    return null;
  }
}

module.exports = { verifyAgentToken };
