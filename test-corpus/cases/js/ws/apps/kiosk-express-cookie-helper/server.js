// The kiosk's upgrade request never passes through cookie-parser, so the Express guard in ./auth cannot serve it.
const express = require('express');
const cookieParser = require('cookie-parser');
const { WebSocketServer } = require('ws');
const authenticate = require('./auth');

const app = express();
app.use(cookieParser());
app.get('/api/me', (req, res) => {
  const user = authenticate(req);
  return user ? res.json(user) : res.sendStatus(401);
});
app.listen(3000);

// expect: missing-origin-check
const wss = new WebSocketServer({ port: 3001 }); // expect: missing-upgrade-auth
wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'ready' }));
});
