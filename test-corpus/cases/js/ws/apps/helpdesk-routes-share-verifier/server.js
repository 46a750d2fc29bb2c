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

// expect: missing-origin-check
const wss = new WebSocketServer({ server }); // expect: missing-upgrade-auth

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
