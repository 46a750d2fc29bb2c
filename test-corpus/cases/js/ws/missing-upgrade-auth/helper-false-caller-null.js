'use strict';
const http = require('http');
const jwt = require('jsonwebtoken');
const { WebSocketServer } = require('ws');

const ALLOWED_ORIGINS = ['https://ops.example.com', 'https://ops-staging.example.com'];

function authenticate(req) {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) return false;
  try {
    // ok: unverified-token -- the catch returns a failure value; the caller's null test is the bug (missing-upgrade-auth)
    return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  } catch (err) {
    return false;
  }
}

const server = http.createServer((req, res) => res.writeHead(404).end());

// expect: missing-upgrade-auth -- authenticate() fails with false but the caller only rejects null
// ok: missing-origin-check -- the upgrade handler rejects unknown Origins
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.includes(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const user = authenticate(req);
  if (user === null) {
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
  ws.send(JSON.stringify({ type: 'welcome', user: ws.user && ws.user.sub }));
});

server.listen(process.env.PORT || 9090);
