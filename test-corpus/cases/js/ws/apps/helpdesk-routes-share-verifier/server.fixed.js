const express = require('express');
const http = require('http');
const { WebSocketServer } = require('ws');
const { requireUser, bearer } = require('./auth');
const tickets = require('./tickets');

const app = express();
app.use(express.json());

app.get('/api/tickets', async (req, res) => {
  const user = requireUser(bearer(req));
  if (!user) {
    return res.sendStatus(401);
  }
  res.json(await tickets.assignedTo(user.id));
});

const server = http.createServer(app);

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

server.on('upgrade', (request, socket, head) => {
  const token = upgradeToken(request);
  let user;
  try {
    user = token ? requireUser(token) : null;
  } catch {
    user = null;
  }
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});

// The client's token: an Authorization bearer header, or ?token= in the URL (browsers cannot set headers
// on a WebSocket)
function upgradeToken(request) {
  const header = request.headers.authorization;
  if (header && header.startsWith('Bearer ')) {
    return header.slice(7);
  }
  return new URL(request.url, 'http://localhost').searchParams.get('token');
}

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', at: Date.now() }));
  ws.on('message', (raw) => {
    const { type, ticketId } = JSON.parse(raw);
    if (type === 'watch') {
      tickets.watch(ticketId, (update) => ws.send(JSON.stringify(update)));
    }
  });
});

server.listen(process.env.PORT || 8080);
