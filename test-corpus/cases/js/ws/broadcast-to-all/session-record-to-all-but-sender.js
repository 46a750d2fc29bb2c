const express = require('express');
const session = require('express-session');
const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');

const sessionParser = session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
});
const app = express();
app.use(sessionParser);
const server = http.createServer(app);
const ALLOWED_ORIGINS = ['https://support.example.com'];

// ok: missing-origin-check -- allow-list checked before the session
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- session verified at the upgrade

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.includes(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  sessionParser(req, {}, () => {
    if (!req.session.agent) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
});

wss.on('connection', (ws, req) => {
  // let the other agents know who came online
  wss.clients.forEach((client) => {
    if (client !== ws && client.readyState === WebSocket.OPEN) {
      client.send(JSON.stringify({ type: 'agent-online', session: req.session })); // expect: broadcast-to-all
    }
  });
  ws.send(JSON.stringify({ type: 'ready', agent: req.session.agent.name }));
});

server.listen(8080);
