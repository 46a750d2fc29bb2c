// corpus: no-findings
const redis = require('./redis-client');

async function lookup(sid) {
  if (!sid) return null;
  const raw = await redis.get(`sess:${sid}`);
  return raw ? JSON.parse(raw) : null;
}

module.exports = { lookup };
