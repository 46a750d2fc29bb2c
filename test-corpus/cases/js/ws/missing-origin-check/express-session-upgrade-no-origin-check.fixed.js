const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');
const { redisClient } = require('./redis');

const sessionParser = session({
  store: new RedisStore({ client: redisClient }),
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
});

const app = express();
app.use(sessionParser);
app.use(express.static('public'));

const server = http.createServer(app);

// expect: missing-origin-check
const wss = new WebSocketServer({ clientTracking: true, noServer: true }); // ok: missing-upgrade-auth -- express-session checked at the upgrade

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  socket.on('error', console.error);
  sessionParser(req, {}, () => {
    if (!req.session.userId) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
});

wss.on('connection', (ws, req) => {
  const { userId, displayName } = req.session;
  ws.on('message', (data) => {
    const text = data.toString().slice(0, 1000);
    wss.clients.forEach((client) => {
      if (client.readyState === WebSocket.OPEN) {
        client.send(JSON.stringify({ userId, displayName, text })); // ok: broadcast-to-all -- chat relay on an authenticated server
      }
    });
  });
});

server.listen(8080);
