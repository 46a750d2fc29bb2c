const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const topics = require('./topics');

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;

function verifyAccessToken(token) {
  return new Promise((resolve, reject) => {
    // ok: unverified-token -- the callback error rejects the promise and verifyClient answers 401
    jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], audience: 'realtime' }, (err, claims) =>
      err ? reject(err) : resolve(claims));
  });
}

// ok: missing-upgrade-auth -- verifyClient calls done(false, 401) when verification fails
const wss = new WebSocketServer({ // ok: missing-origin-check -- explicit query token, no cookie
  port: 8443,
  verifyClient: (info, done) => {
    const token = new URL(info.req.url, 'http://localhost').searchParams.get('access_token');
    if (!token) return done(false, 401, 'Unauthorized');
    verifyAccessToken(token)
      .then((claims) => {
        info.req.user = { id: claims.sub, scopes: (claims.scope || '').split(' ') };
        done(true);
      })
      .catch(() => done(false, 401, 'Unauthorized'));
  },
});

wss.on('connection', (ws, req) => {
  const { user } = req;
  ws.send(JSON.stringify({ type: 'ready', userId: user.id }));
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.action === 'subscribe') {
      topics.subscribe(msg.topic, ws);
    } else if (msg.action === 'purgeTopic') { // ok: missing-message-authz -- admin scope checked first
      if (!user.scopes.includes('topics:admin')) {
        ws.send(JSON.stringify({ error: 'forbidden' }));
        return;
      }
      await topics.purge(msg.topic);
    }
  });
});
