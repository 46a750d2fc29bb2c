// Local control socket for the desktop companion app.
const fs = require('fs');
const path = require('path');
const { WebSocketServer } = require('ws');
const http = require('http');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const CACHE_DIR = path.join(process.env.HOME || '.', '.companion', 'cache');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-upgrade-auth -- a loopback address is not an authenticated user
// expect: missing-origin-check -- any web page open in the user's browser can reach 127.0.0.1
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin });

const httpServer = http.createServer((req, res) => res.writeHead(426).end());
httpServer.on('upgrade', (request, socket, head) => {
  const user = authenticateUpgrade(request);
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});
httpServer.listen(17345, '127.0.0.1');

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

wss.on('connection', (ws, req) => {
  if (!LOOPBACK.has(req.socket.remoteAddress)) {
    ws.close(1008, 'local only');
    return;
  }
  ws.on('message', (data) => {
    let msg;
    try { msg = JSON.parse(data); } catch { return; }
    if (msg.type === 'status') {
      ws.send(JSON.stringify({ type: 'status', pid: process.pid, uptime: process.uptime() }));
    }
    // expect: missing-message-authz -- deletes files for whoever connects
    if (msg.type === 'clearCache') {
      fs.rmSync(CACHE_DIR, { recursive: true, force: true });
      ws.send(JSON.stringify({ type: 'cleared' }));
    }
  });
});
