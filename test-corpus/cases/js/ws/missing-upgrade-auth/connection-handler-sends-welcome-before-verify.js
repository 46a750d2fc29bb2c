const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const roster = require('./roster');
const rooms = require('./rooms');

const ORIGINS = ['https://chat.example.org'];

// ok: missing-origin-check -- origin allow-list in verifyClient
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: 8081,
  verifyClient: ({ origin }) => ORIGINS.includes(origin),
});

wss.on('connection', (ws, req) => {
  // say hi first so the client can render while we check the token
  ws.send(JSON.stringify({
    type: 'welcome',
    motd: 'Welcome to #general',
    online: roster.list(),
  }));

  const token = new URL(req.url, 'http://localhost').searchParams.get('access_token');
  try {
    ws.user = jwt.verify(token, process.env.JWT_SECRET); // ok: unverified-token -- catch closes
  } catch (err) {
    ws.close(4401, 'invalid token');
    return;
  }
  roster.add(ws.user);

  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'say') rooms.publish(msg.room, { from: ws.user.name, text: msg.text });
  });
  ws.on('close', () => roster.remove(ws.user));
});
