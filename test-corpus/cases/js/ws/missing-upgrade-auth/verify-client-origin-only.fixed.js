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
  noServer: true,
  path: '/console',
  // only our console page may connect
  verifyClient: (info) => CONSOLE_ORIGINS.has(info.origin),
});

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
