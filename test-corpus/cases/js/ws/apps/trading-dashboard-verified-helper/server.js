const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');
const { verifyToken } = require('./auth.js');
const market = require('./market');
const portfolio = require('./portfolio');

const server = http.createServer();

// ok: missing-origin-check -- bearer token from the query string
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- verifyToken in ./auth.js verifies the signature

server.on('upgrade', (req, socket, head) => {
  const { pathname, searchParams } = new URL(req.url, `http://${req.headers.host}`);
  if (pathname !== '/stream') {
    socket.destroy();
    return;
  }
  const user = verifyToken(searchParams.get('token'));
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', async (ws) => {
  ws.send(JSON.stringify({ type: 'portfolio', data: await portfolio.forAccount(ws.user.sub) }));
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'place-order': // ok: missing-message-authz -- placed on the caller's own account
        await portfolio.placeOrder(ws.user.sub, msg.symbol, msg.qty, msg.side);
        break;
      case 'cancel-order': { // ok: missing-message-authz -- ownership checked
        const order = await portfolio.getOrder(msg.orderId);
        if (!order || order.accountId !== ws.user.sub) return;
        await portfolio.cancel(order.id);
        break;
      }
    }
  });
});

setInterval(() => {
  const frame = JSON.stringify({ type: 'quotes', quotes: market.snapshot() });
  wss.clients.forEach((client) => {
    if (client.readyState === WebSocket.OPEN) client.send(frame); // ok: broadcast-to-all -- public market snapshot
  });
}, 500);

portfolio.on('fill', (fill) => {
  for (const client of wss.clients) {
    if (client.user.sub === fill.accountId) client.send(JSON.stringify({ type: 'fill', fill })); // ok: broadcast-to-all -- filtered to the account owner
  }
});

server.listen(8080);
