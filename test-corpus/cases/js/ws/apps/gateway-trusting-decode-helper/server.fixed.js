const http = require('http');
const { WebSocketServer } = require('ws');
const { verifyToken } = require('./auth');
const orders = require('./orders');

const server = http.createServer(async (req, res) => {
  const claims = verifyToken((req.headers.authorization || '').replace(/^Bearer /, ''));
  if (!claims) {
    res.writeHead(401).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(await orders.openFor(claims.sub)));
});

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

server.on('upgrade', (request, socket, head) => {
  const user = authenticateUpgrade(request);
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

wss.on('connection', (ws) => {
  const stop = orders.onFill((fill) => ws.send(JSON.stringify({ type: 'fill', symbol: fill.symbol, qty: fill.qty })));
  ws.on('close', stop);
});

server.listen(8080);
