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

// expect: missing-origin-check
const wss = new WebSocketServer({ server }); // expect: missing-upgrade-auth

wss.on('connection', (ws) => {
  const stop = orders.onFill((fill) => ws.send(JSON.stringify({ type: 'fill', symbol: fill.symbol, qty: fill.qty })));
  ws.on('close', stop);
});

server.listen(8080);
