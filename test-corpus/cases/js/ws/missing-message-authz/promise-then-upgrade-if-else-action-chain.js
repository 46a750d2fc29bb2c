const http = require('http');
const { promisify } = require('util');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

const verifyJwt = promisify(jwt.verify);
const server = http.createServer();
// ok: missing-origin-check -- access_token query parameter, no cookie
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- rejected in .catch before handleUpgrade

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, 'http://localhost').searchParams.get('access_token');
  verifyJwt(token, process.env.JWT_SECRET) // ok: unverified-token -- .catch answers 401
    .then((claims) => {
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.userId = claims.sub;
        wss.emit('connection', ws, req);
      });
    })
    .catch(() => {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
    });
});

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.action === 'markRead') { // ok: missing-message-authz -- scoped to the connection's own user
      await db.query('UPDATE notifications SET read = true WHERE id = $1 AND user_id = $2', [msg.id, ws.userId]);
    } else if (msg.action === 'updateProfile') { // expect: missing-message-authz -- msg.userId comes from the client and is never compared to ws.userId
      await db.query('UPDATE users SET display_name = $1, email = $2 WHERE id = $3', [msg.name, msg.email, msg.userId]);
      ws.send(JSON.stringify({ ok: true }));
    } else if (msg.action === 'ping') {
      ws.send('{"action":"pong"}');
    }
  });
});

server.listen(8088);
