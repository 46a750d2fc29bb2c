import http from 'node:http';
import jwt from 'jsonwebtoken';
import { WebSocketServer, WebSocket } from 'ws';

const server = http.createServer();
const online = new Map(); // ws -> { id, name, email }

// ok: missing-upgrade-auth -- query token verified before handleUpgrade, 401 otherwise
// ok: missing-origin-check -- explicit query-string token, no cookie or session
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, `http://${req.headers.host}`).searchParams.get('token');
  let claims;
  try {
    claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  } catch {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims));
});

function announcePresence() {
  const payload = JSON.stringify({ type: 'presence', users: [...online.values()].map((u) => u.name) });
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(payload); // ok: broadcast-to-all -- display names of online users: public presence
  }
}

function publishRoster() {
  const roster = [...online.values()].map(({ id, name, email }) => ({ id, name, email }));
  wss.clients.forEach((client) => {
    if (client.readyState !== WebSocket.OPEN) return;
    client.send(JSON.stringify({ type: 'roster', roster })); // expect: broadcast-to-all -- every user's email address goes to every connection
  });
}

wss.on('connection', (ws, claims) => {
  online.set(ws, { id: claims.sub, name: claims.name, email: claims.email });
  announcePresence();
  publishRoster();
  ws.on('close', () => {
    online.delete(ws);
    announcePresence();
    publishRoster();
  });
});

server.listen(3001);
