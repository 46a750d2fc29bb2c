'use strict';
const http = require('http');
const express = require('express');
const jwt = require('jsonwebtoken');
const { WebSocketServer } = require('ws');

const app = express();
app.use(express.static('public'));
const server = http.createServer(app);
const ORIGINS = new Set(['https://dash.example.com', 'https://staging.dash.example.com']);

// expect: missing-upgrade-auth -- without an Authorization header the upgrade proceeds anonymously
// ok: missing-origin-check -- the upgrade handler refuses unknown origins
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  if (!ORIGINS.has(req.headers.origin)) {
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    return;
  }
  let user = null;
  const auth = req.headers.authorization;
  if (auth) {
    try {
      user = jwt.verify(auth.replace(/^Bearer /, ''), process.env.JWT_SECRET); // ok: unverified-token -- failure answers 401
    } catch (e) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user; // null for guests
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'hello', guest: !ws.user }));
  });
});

server.listen(8080);
