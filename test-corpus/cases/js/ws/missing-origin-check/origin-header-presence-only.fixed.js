const express = require('express');
const session = require('express-session');
const { WebSocketServer } = require('ws');
const tickets = require('./tickets');

const app = express();
const sessionParser = session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { sameSite: 'none', secure: true },
});
app.use(sessionParser);
const server = app.listen(3000);

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- session required at the upgrade

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  // only browsers send Origin, so this keeps scripts out
  if (!req.headers.origin) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  sessionParser(req, {}, () => {
    if (!req.session || !req.session.agent) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.agent = req.session.agent;
      wss.emit('connection', ws, req);
    });
  });
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'reply': { // ok: missing-message-authz -- assignee checked
        const ticket = await tickets.get(msg.ticketId);
        if (!ticket || ticket.assigneeId !== ws.agent.id) return;
        await tickets.addReply(ticket.id, ws.agent.id, msg.body);
        break;
      }
    }
  });
});
