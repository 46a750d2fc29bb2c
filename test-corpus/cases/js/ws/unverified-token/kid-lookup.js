const http = require('http');
const jwt = require('jsonwebtoken');
const { WebSocketServer } = require('ws');
const { loadJwks } = require('./jwks');

const server = http.createServer();
let keys = {};
loadJwks().then((k) => { keys = k; });

// ok: missing-upgrade-auth -- signature verified with the kid's key, 401 otherwise
// ok: missing-origin-check -- token in the query string, no cookie
const wss = new WebSocketServer({ noServer: true });

function refuse(socket, code) {
  socket.end(`HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\n\r\n`);
}

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, 'http://localhost').searchParams.get('access_token');
  if (!token) return refuse(socket, 401);
  const decoded = jwt.decode(token, { complete: true }); // ok: unverified-token -- only selects the key; verify follows
  const key = decoded && keys[decoded.header.kid];
  if (!key) return refuse(socket, 401);
  let claims;
  try {
    claims = jwt.verify(token, key, { algorithms: ['RS256'], audience: 'notifications' });
  } catch (err) {
    return refuse(socket, 401);
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.sub = claims.sub;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'welcome', user: ws.sub }));
});

server.listen(7070);
