const http = require('http');
const express = require('express');
const jwt = require('jsonwebtoken');
const { WebSocketServer } = require('ws');
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();
const app = express();
app.use(express.json());
const server = http.createServer(app);

// ok: missing-upgrade-auth -- bearer token verified before handleUpgrade, 401 otherwise
// ok: missing-origin-check -- Authorization header, no cookie
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  let user;
  try {
    user = jwt.verify((req.headers.authorization || '').slice(7), process.env.JWT_SECRET); // ok: unverified-token -- failure answers 401
  } catch {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return socket.destroy();
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'ping') return ws.send('{"type":"pong"}');
    // expect: missing-message-authz -- any signed-in user can change anyone's role
    // expect-no-fix: missing-message-authz -- the app checks no role anywhere that a patch could reuse, and inventing one would guess
    if (msg.type === 'setRole') {
      await prisma.user.update({ where: { id: msg.userId }, data: { role: msg.role } });
      ws.send(JSON.stringify({ type: 'roleSet', userId: msg.userId }));
    }
  });
});

server.listen(4000);
