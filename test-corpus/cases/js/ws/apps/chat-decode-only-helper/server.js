const { WebSocketServer } = require('ws');
const { tokenFromRequest, verifyToken } = require('./auth.js');
const rooms = require('./rooms');

const ORIGINS = new Set(['https://chat.example.com', 'https://staging.chat.example.com']);

// ok: missing-origin-check -- origin allow-list in verifyClient
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: 8080,
  verifyClient: ({ origin, req }, done) => {
    if (!ORIGINS.has(origin)) return done(false, 403);
    const user = verifyToken(tokenFromRequest(req));
    if (!user) return done(false, 401);
    req.user = user;
    done(true);
  },
});

wss.on('connection', (ws, req) => {
  ws.user = req.user;
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'join':
        rooms.join(msg.room, ws);
        break;
      case 'message':
        for (const client of rooms.members(msg.room)) {
          client.send(JSON.stringify({ room: msg.room, from: ws.user.name, text: msg.text })); // ok: broadcast-to-all -- members of one room only
        }
        break;
      case 'ban': // expect: missing-message-authz
        rooms.ban(msg.room, msg.userId);
        break;
    }
  });
  ws.on('close', () => rooms.leaveAll(ws));
});
