const express = require('express');
const http = require('http');
const WebSocket = require('ws');
const services = require('./services');

const app = express();
app.use(express.static('public'));
const server = http.createServer(app);

const CONSOLE_ORIGINS = new Set(['https://ops.internal.example.com', 'http://localhost:3000']);

// ok: missing-origin-check -- allow-list in verifyClient
const wss = new WebSocket.Server({ // expect: missing-upgrade-auth
  server,
  path: '/console',
  // only our console page may connect
  verifyClient: (info) => CONSOLE_ORIGINS.has(info.origin),
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'status':
        ws.send(JSON.stringify({ type: 'status', services: await services.list() }));
        break;
      case 'restart-service': // expect: missing-message-authz
        await services.restart(msg.name);
        ws.send(JSON.stringify({ type: 'restarted', name: msg.name }));
        break;
    }
  });
});

server.listen(3000);
