// The "one staged file" of the benchmark: a typical ws server, as a pre-commit hook would pass it.
const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;
const server = http.createServer();
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
const rooms = new Map();

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  let user;
  try {
    user = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
  } catch (err) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, user));
});

wss.on('connection', (ws, req, user) => {
  ws.user = user;
  ws.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    switch (msg.type) {
      case 'join': {
        const members = rooms.get(msg.room) || new Set();
        members.add(ws);
        rooms.set(msg.room, members);
        break;
      }
      case 'say': {
        const members = rooms.get(msg.room) || new Set();
        for (const peer of members) {
          if (peer.readyState === 1) {
            peer.send(JSON.stringify({ from: ws.user.sub, text: String(msg.text).slice(0, 500) }));
          }
        }
        break;
      }
      default:
        ws.send(JSON.stringify({ error: 'unknown message type' }));
    }
  });
  ws.on('close', () => rooms.forEach((members) => members.delete(ws)));
});

server.listen(8080);
