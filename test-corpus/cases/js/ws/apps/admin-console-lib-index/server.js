const http = require('http');
const { WebSocketServer } = require('ws');
const { authenticate, isAdmin } = require('./lib');
const users = require('./users');

const CONSOLE_ORIGIN = 'https://admin.example.com';
const server = http.createServer();

// ok: missing-origin-check -- origin pinned in the upgrade handler
const wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'admin.v1' }); // expect: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (req.headers.origin !== CONSOLE_ORIGIN) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const user = authenticate(req);
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

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'search-users':
        ws.send(JSON.stringify({ type: 'results', users: await users.search(msg.q) }));
        break;
      case 'suspend-user': // ok: missing-message-authz -- isAdmin() checked
        if (!isAdmin(ws.user)) return ws.send(JSON.stringify({ error: 'forbidden' }));
        await users.suspend(msg.userId);
        break;
      case 'reset-password': // expect: missing-message-authz
        await users.resetPassword(msg.userId);
        break;
    }
  });
});

server.listen(8444);
