const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');
const Redis = require('ioredis');

const redis = new Redis();

function broadcast(wss, message) {
  wss.clients.forEach((client) => {
    if (client.readyState === WebSocket.OPEN) {
      client.send(message); // expect: broadcast-to-all -- called with a stored session hash
    }
  });
}

// ok: missing-upgrade-auth -- first-message auth: nothing else is handled until a verified auth message, else close
// ok: missing-origin-check -- the credential is an explicit token in the first message
const wss = new WebSocketServer({ port: 8090 });

wss.on('connection', (ws) => {
  const authTimer = setTimeout(() => ws.close(4001, 'auth timeout'), 5000);
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (!ws.user) {
      if (msg.type !== 'auth') return ws.close(4001, 'auth required');
      try {
        // ok: unverified-token -- a failed verification closes the socket and returns
        ws.user = jwt.verify(msg.token, process.env.JWT_SECRET, { algorithms: ['HS512'] });
        ws.sessionId = ws.user.sid;
        clearTimeout(authTimer);
        ws.send(JSON.stringify({ type: 'auth:ok' }));
      } catch {
        ws.close(4003, 'invalid token');
      }
      return;
    }
    if (msg.type === 'session:refresh') { // ok: missing-message-authz -- touches only the connection's own session
      await redis.expire(`session:${ws.sessionId}`, 3600);
      const session = await redis.hgetall('session:' + ws.sessionId);
      broadcast(wss, JSON.stringify({ type: 'session', session }));
    } else if (msg.type === 'session:revoke') { // expect: missing-message-authz -- deletes any session id the client names
      await redis.del(`session:${msg.sessionId}`);
      ws.send(JSON.stringify({ type: 'session:revoked', sessionId: msg.sessionId }));
    } else if (msg.type === 'typing') {
      ws.send(JSON.stringify({ type: 'typing:ack' }));
    }
  });
});
