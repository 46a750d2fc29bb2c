const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

// ok: missing-upgrade-auth -- verifyClient rejects unless jwt.verify succeeds
// ok: missing-origin-check -- Authorization header token (back-office agents), no cookie
const wss = new WebSocketServer({
  port: 9000,
  verifyClient: ({ req }, done) => {
    const [scheme, token] = (req.headers.authorization || '').split(' ');
    if (scheme !== 'Bearer' || !token) return done(false, 401, 'Unauthorized');
    jwt.verify(token, process.env.JWT_SECRET, (err, claims) => { // ok: unverified-token -- error answers 401
      if (err) return done(false, 401, 'Unauthorized');
      req.claims = claims;
      done(true);
    });
  },
});

function broadcast(payload) {
  for (const c of wss.clients) if (c.readyState === WebSocket.OPEN) c.send(JSON.stringify(payload)); // expect: broadcast-to-all -- called below with the whole users table
}

wss.on('connection', (ws) => {
  broadcast({ type: 'online', count: wss.clients.size });
  ws.on('close', () => broadcast({ type: 'online', count: wss.clients.size }));

  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.type === 'refreshDirectory') {
      const { rows } = await db.query('SELECT * FROM users');
      broadcast({ type: 'directory', users: rows }); // ok: broadcast-to-all -- reported at the send inside broadcast()
    }
  });
});
