const http = require('http');
const WebSocket = require('ws');
const jwt = require('jsonwebtoken');
const feed = require('./feed-store');

const server = http.createServer();
// ok: missing-origin-check -- bearer token in the query string, no ambient credential
const wss = new WebSocket.Server({ server, path: '/feed' }); // ok: missing-upgrade-auth -- closes with 1008 before anything is sent

wss.on('connection', (ws, req) => {
  const token = new URL(req.url, `http://${req.headers.host}`).searchParams.get('token');
  let claims;
  try {
    claims = jwt.verify(token, process.env.FEED_SECRET); // ok: unverified-token -- failure closes the socket and returns
  } catch (err) {
    ws.close(1008, 'invalid token');
    return;
  }
  ws.isAlive = true;
  ws.userId = claims.sub;
  ws.on('pong', () => {
    ws.isAlive = true;
  });
  ws.send(JSON.stringify({ type: 'welcome', unread: feed.unreadCount(claims.sub) }));
  ws.on('message', (data) => {
    const { action, itemId } = JSON.parse(data);
    if (action === 'ack') feed.markSeen(ws.userId, itemId); // ok: missing-message-authz -- writes only the caller's own read state
  });
});

const heartbeat = setInterval(() => {
  wss.clients.forEach((client) => {
    if (!client.isAlive) return client.terminate();
    client.isAlive = false;
    client.ping(); // ok: broadcast-to-all -- heartbeat, no data
  });
}, 30000);

wss.on('close', () => clearInterval(heartbeat));
server.listen(3000);
