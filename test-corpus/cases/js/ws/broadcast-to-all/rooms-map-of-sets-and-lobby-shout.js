const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');

const server = http.createServer();
/** @type {Map<string, Set<import('ws').WebSocket>>} */
const rooms = new Map();

// ok: missing-origin-check -- query token verified at the upgrade, no cookie
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, 'http://localhost').searchParams.get('t');
  // ok: unverified-token -- the callback answers 401 on error
  jwt.verify(token, process.env.CHAT_SECRET, { algorithms: ['HS256'] }, (err, user) => {
    if (err) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.user = user;
      wss.emit('connection', ws, req);
    });
  });
});

function join(ws, room) {
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room).add(ws);
  ws.on('close', () => rooms.get(room)?.delete(ws));
}

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    const members = rooms.get(msg.room);
    switch (msg.type) {
      case 'join': // ok: missing-message-authz -- joining a room is not a privileged action
        join(ws, String(msg.room));
        break;
      case 'say': // ok: missing-message-authz -- only members of the room may post
        if (!members?.has(ws)) break;
        for (const peer of members) {
          peer.send(JSON.stringify({ room: msg.room, from: ws.user.name, text: msg.text })); // ok: broadcast-to-all -- one room only
        }
        break;
      case 'shout':
        for (const client of wss.clients) {
          client.send(JSON.stringify({ from: ws.user.name, text: msg.text })); // ok: broadcast-to-all -- chat relay on an authenticated server
        }
        break;
      case 'kick': // ok: missing-message-authz -- moderator role checked
        if (!ws.user.roles?.includes('moderator')) break;
        for (const peer of members ?? []) if (peer.user.sub === msg.userId) peer.close(4003, 'kicked');
        break;
    }
  });
});

server.listen(8090);
