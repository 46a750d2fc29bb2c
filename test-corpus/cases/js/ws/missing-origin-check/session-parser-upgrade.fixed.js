const http = require('http');
const express = require('express');
const session = require('express-session');
const { WebSocketServer } = require('ws');
const db = require('./db');

const app = express();
const sessionParser = session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: 'lax' },
});
app.use(sessionParser);

const server = http.createServer(app);

function onSocketError(err) {
  console.error(err);
}

// ok: missing-upgrade-auth -- the session is checked before handleUpgrade and a missing user is rejected
// expect: missing-origin-check -- cookie session (ambient) and any Origin: cross-site hijacking (error)
const wss = new WebSocketServer({ clientTracking: false, noServer: true });

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  socket.on('error', onSocketError);
  sessionParser(req, {}, () => {
    if (!req.session.userId) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    socket.removeListener('error', onSocketError);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
});

wss.on('connection', (ws, req) => {
  const userId = req.session.userId;
  ws.on('message', async (data) => {
    const { type, payload } = JSON.parse(data);
    if (type === 'list:rename') { // ok: missing-message-authz -- the update is scoped to lists owned by the session user
      await db.lists.update({ id: payload.listId, ownerId: userId }, { title: payload.title });
      ws.send(JSON.stringify({ type: 'list:renamed', listId: payload.listId }));
    } else if (type === 'ping') {
      ws.send(JSON.stringify({ type: 'pong' }));
    }
  });
});

server.listen(8080);
