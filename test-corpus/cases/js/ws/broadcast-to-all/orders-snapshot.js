const http = require('http');
const express = require('express');
const jwt = require('jsonwebtoken');
const { PrismaClient } = require('@prisma/client');
const { WebSocketServer, WebSocket } = require('ws');

const prisma = new PrismaClient();
const app = express();
app.get('/healthz', (_req, res) => res.send('ok'));
const server = http.createServer(app);

// ok: missing-upgrade-auth -- verifyClient checks the subprotocol token and refuses on failure
// ok: missing-origin-check -- explicit token in the subprotocol, no cookie
const wss = new WebSocketServer({
  server,
  path: '/live',
  verifyClient: ({ req }, done) => {
    const [, token] = (req.headers['sec-websocket-protocol'] || '').split(/,\s*/);
    jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] }, (err, claims) => {
      if (err) return done(false, 401, 'Unauthorized');
      req.claims = claims;
      done(true);
    });
  },
  handleProtocols: (protocols) => (protocols.has('orders.v1') ? 'orders.v1' : false),
});

setInterval(async () => {
  const orders = await prisma.order.findMany({ where: { status: 'OPEN' }, include: { customer: true } });
  const payload = JSON.stringify({ type: 'orders', orders });
  wss.clients.forEach((client) => {
    if (client.readyState === WebSocket.OPEN) {
      client.send(payload); // expect: broadcast-to-all -- every customer's orders go to every connection
    }
  });
}, 5000);

server.listen(process.env.PORT || 3000);
