const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');
const cookie = require('cookie');
const acl = require('./acl');
const docs = require('./docs');

const EDITOR_ORIGIN = 'https://docs.example.com';
const server = http.createServer();

// ok: missing-origin-check -- origin pinned in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (req.headers.origin !== EDITOR_ORIGIN) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  let user;
  try {
    user = jwt.verify(cookie.parse(req.headers.cookie || '').sid, process.env.JWT_SECRET); // ok: unverified-token -- catch answers 401
  } catch (err) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'open':
        if (!(await acl.canRead(ws.user.sub, msg.docId))) return ws.close(4403, 'forbidden');
        ws.docId = msg.docId;
        ws.send(JSON.stringify({ type: 'snapshot', doc: await docs.load(msg.docId) }));
        break;
      case 'op': // ok: missing-message-authz -- write permission checked
        if (!ws.docId || !(await acl.canWrite(ws.user.sub, ws.docId))) return;
        await docs.apply(ws.docId, msg.op);
        for (const client of wss.clients) {
          if (client !== ws && client.docId === ws.docId && client.readyState === WebSocket.OPEN) {
            client.send(JSON.stringify({ type: 'op', op: msg.op, by: ws.user.sub })); // ok: broadcast-to-all -- only clients on the same document
          }
        }
        break;
    }
  });
});

server.listen(4000);
