// Live metrics for the ops dashboard: each tab subscribes to the series it charts.
const { WebSocketServer } = require('ws');
const metrics = require('./metrics');
const http = require('http');
const { userFromRequest } = require('./auth/session');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

const httpServer = http.createServer((req, res) => res.writeHead(426).end());
httpServer.on('upgrade', (request, socket, head) => {
  let user;
  try {
    user = userFromRequest(request);
  } catch {
    user = null;
  }
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});
httpServer.listen(8081);

wss.on('connection', (ws) => {
  const subscriptions = new Map();

  ws.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (msg.type === 'subscribe' && !subscriptions.has(msg.series)) {
      subscriptions.set(msg.series, metrics.watch(msg.series, (point) => {
        ws.send(JSON.stringify({ type: 'point', series: msg.series, point }));
      }));
    } else if (msg.type === 'unsubscribe') {
      const stop = subscriptions.get(msg.series);
      if (stop) {
        stop();
        subscriptions.delete(msg.series);
      }
    }
  });

  ws.on('close', () => {
    for (const stop of subscriptions.values()) {
      stop();
    }
  });
});
