const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const orders = require('./orders');

const ALLOWED_ORIGINS = ['https://desk.example-trading.com'];
const server = http.createServer();

// ok: missing-origin-check -- origin allow-list runs before any path
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.includes(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const { pathname, searchParams } = new URL(req.url, 'http://localhost');
  if (pathname === '/admin') {
    try {
      req.user = jwt.verify(searchParams.get('token'), process.env.JWT_SECRET); // ok: unverified-token -- failure answers 401
    } catch (err) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
  } else if (pathname !== '/feed') {
    socket.destroy();
    return;
  }
  // '/feed' gets here with no token at all
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws, req) => {
  ws.user = req.user;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'cancel-order': // ok: missing-message-authz -- admin role checked below
        if (!ws.user || ws.user.role !== 'admin') return;
        await orders.cancel(msg.orderId);
        break;
    }
  });
});

setInterval(async () => {
  const book = await orders.openOrdersWithClients();
  for (const client of wss.clients) {
    client.send(JSON.stringify({ type: 'book', book })); // expect: broadcast-to-all
  }
}, 1000);

server.listen(8443);
