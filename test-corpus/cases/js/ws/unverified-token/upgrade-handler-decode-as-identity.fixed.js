const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const { subscribeAccount } = require('./accounts');

const ALLOWED = new Set(['https://wallet.example.com']);
const server = http.createServer();

// ok: missing-origin-check -- origin allow-list in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  const claims = verifiedClaims(token); // expect: unverified-token
  if (!claims || !claims.sub) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.accountId = claims.sub;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  const unsubscribe = subscribeAccount(ws.accountId, (balance) => {
    ws.send(JSON.stringify({ type: 'balance', balance }));
  });
  ws.on('close', unsubscribe);
});

server.listen(8080);

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token; refuses every token while JWT_SECRET is unset
function verifiedClaims(token) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET);
  } catch {
    return null;
  }
}
