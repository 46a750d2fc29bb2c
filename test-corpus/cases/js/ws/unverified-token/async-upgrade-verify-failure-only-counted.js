const { createServer } = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const { RateLimiterMemory } = require('rate-limiter-flexible');
const metrics = require('./metrics');

const ALLOWED = new Set(['https://app.example.com', 'https://www.example.com']);
const limiter = new RateLimiterMemory({ points: 20, duration: 60 });
const server = createServer();

// ok: missing-origin-check -- Origin allow-list in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth -- an invalid token is only counted

server.on('upgrade', async (req, socket, head) => {
  if (!ALLOWED.has(req.headers.origin)) return socket.destroy();
  try {
    await limiter.consume(req.socket.remoteAddress);
  } catch {
    socket.end('HTTP/1.1 429 Too Many Requests\r\n\r\n');
    return;
  }
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  let claims = null;
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET); // expect: unverified-token -- failure is counted, then the upgrade goes ahead
  } catch (err) {
    metrics.increment('ws.auth.invalid_token', { reason: err.name });
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.userId = claims?.sub ?? null;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', signedIn: ws.userId !== null }));
});

server.listen(8080);
