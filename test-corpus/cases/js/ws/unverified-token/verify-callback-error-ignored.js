const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const cookie = require('cookie');
const presence = require('./presence');

const TRUSTED = new Set(['https://team.example.com']);
const server = http.createServer();

// ok: missing-origin-check -- origin allow-list in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (!TRUSTED.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const { session } = cookie.parse(req.headers.cookie || '');
  jwt.verify(session, process.env.SESSION_SECRET, (err, payload) => { // expect: unverified-token
    if (err) console.error('ws auth failed:', err.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.user = payload || { name: 'anonymous' };
      wss.emit('connection', ws, req);
    });
  });
});

wss.on('connection', (ws) => {
  presence.join(ws.user.name);
  ws.send(JSON.stringify({ type: 'presence', online: presence.count() }));
  ws.on('close', () => presence.leave(ws.user.name));
});

server.listen(8080);
