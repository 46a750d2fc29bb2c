// Game lobby server: moderation commands arrive over the same socket as chat.
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

const connections = new Map();

// ok: missing-origin-check -- explicit query token
const wss = new WebSocketServer({ // ok: missing-upgrade-auth
  port: 8099,
  verifyClient: ({ req }) => {
    try {
      req.user = jwt.verify(new URL(req.url, 'http://localhost').searchParams.get('token'), process.env.JWT_SECRET); // ok: unverified-token -- returns false on failure
      return true;
    } catch {
      return false;
    }
  },
});

wss.on('connection', (ws, req) => {
  const user = req.user;
  connections.set(user.id, ws);

  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (!user) return; // authenticated, but nobody asks what this user may do
    switch (msg.type) {
      case 'ping':
        ws.send('{"type":"pong"}');
        break;
      case 'kick': // expect: missing-message-authz
        connections.get(msg.target)?.close(4000, 'kicked');
        break;
      case 'ban': // expect: missing-message-authz
        await db.bans.insert({ userId: msg.target, by: user.id, reason: msg.reason });
        connections.get(msg.target)?.close(4001, 'banned');
        break;
      case 'set-role': // expect: missing-message-authz
        await db.users.update(msg.target, { role: msg.role });
        break;
    }
  });

  ws.on('close', () => connections.delete(user.id));
});
