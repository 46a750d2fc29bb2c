const http = require('http');
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const API_KEY = Buffer.from(process.env.METRICS_INGEST_KEY || '', 'utf8');

function keyMatches(presented) {
  const candidate = Buffer.from(presented || '', 'utf8');
  return API_KEY.length > 0 && candidate.length === API_KEY.length && crypto.timingSafeEqual(candidate, API_KEY);
}

const server = http.createServer();

// ok: missing-upgrade-auth -- a static API key from the Authorization header, compared in constant time, gates handleUpgrade
// ok: missing-origin-check -- explicit header credential, nothing ambient: a cross-site page cannot present it
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

server.on('upgrade', (req, socket, head) => {
  const auth = req.headers.authorization || '';
  const presented = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  if (!keyMatches(presented)) {
    socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

const subscribers = new Map(); // metric name -> Set of sockets

wss.on('connection', (ws) => {
  ws.topics = new Set();
  ws.on('message', (raw) => {
    let req;
    try {
      req = JSON.parse(raw);
    } catch {
      ws.close(1003, 'bad json');
      return;
    }
    for (const name of req.subscribe || []) {
      if (!subscribers.has(name)) subscribers.set(name, new Set());
      subscribers.get(name).add(ws);
      ws.topics.add(name);
    }
    ws.send(JSON.stringify({ type: 'subscribed', topics: [...ws.topics] }));
  });
  ws.on('close', () => ws.topics.forEach((t) => subscribers.get(t).delete(ws)));
});

server.listen(9400);
