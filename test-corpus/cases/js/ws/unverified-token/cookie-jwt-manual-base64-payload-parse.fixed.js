const http = require('http');
const { WebSocketServer } = require('ws');

const server = http.createServer();
// expect: missing-origin-check -- identity comes from a cookie and any Origin is accepted
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth -- token payload is parsed, its signature never checked

function readCookie(header, name) {
  const match = (header || '').split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

function userFromJwt(token) {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')); // expect: unverified-token -- hand-rolled decode, no signature check
}

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const token = readCookie(req.headers.cookie, 'id_token');
  if (!token) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return socket.destroy();
  }
  const user = userFromJwt(token);
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'welcome', name: ws.user.name, email: ws.user.email }));
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong', t: Date.now() }));
  });
});

server.listen(8080);
