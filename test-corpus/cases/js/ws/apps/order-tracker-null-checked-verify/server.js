const http = require('http');
const { WebSocketServer } = require('ws');
const { verifyAccessToken, tokenFromRequest } = require('./auth');
const registry = require('./registry');
const orders = require('./orders-db');

const server = http.createServer();
// ok: missing-upgrade-auth -- verifyAccessToken (auth.js) returns null on failure; null answers 401 before handleUpgrade
// ok: missing-origin-check -- access token in the query string, no cookie
const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });

server.on('upgrade', (req, socket, head) => {
  const claims = verifyAccessToken(tokenFromRequest(req));
  if (claims === null) {
    socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims));
});

wss.on('connection', (ws, claims) => {
  const userId = claims.sub;
  registry.register(userId, ws);
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    switch (msg.type) {
      case 'cancelOrder': { // ok: missing-message-authz -- ownership checked
        const order = await orders.findById(msg.orderId);
        if (!order || order.userId !== userId) return ws.send(JSON.stringify({ error: 'not_found' }));
        await orders.cancel(order.id);
        break;
      }
      case 'refundOrder': { // expect: missing-message-authz -- refunds any order id, no staff role check
        const order = await orders.refund(msg.orderId, Number(msg.amount));
        ws.send(JSON.stringify({ type: 'refunded', orderId: order.id }));
        break;
      }
    }
  });
});

orders.on('statusChanged', (order) => {
  registry.sendToUser(order.userId, { type: 'orderUpdated', orderId: order.id, status: order.status });
});

setInterval(() => {
  const hour = new Date().getUTCHours();
  registry.broadcastStoreStatus(hour >= 8 && hour < 22);
}, 60_000);

server.listen(8080);
