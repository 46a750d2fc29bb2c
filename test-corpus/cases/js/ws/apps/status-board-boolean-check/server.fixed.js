const WebSocket = require('ws');
const status = require('./status');
const http = require('http');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocket.Server({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

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
httpServer.listen(9300);

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

wss.on('connection', (ws) => {
  ws.send(JSON.stringify(status.current()));
  const unsubscribe = status.onChange((s) => ws.send(JSON.stringify(s)));
  ws.on('close', unsubscribe);
});
