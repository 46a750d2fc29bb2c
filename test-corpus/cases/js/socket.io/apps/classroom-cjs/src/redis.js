// corpus: no-findings
const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL });
client.connect().catch(console.error);
module.exports = client;
