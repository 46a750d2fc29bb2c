// Dev helper: lets the design tools on the office LAN share cursor and selection updates.
const { WebSocketServer } = require('ws');
const os = require('os');
const http = require('http');

const PORT = Number(process.env.SYNC_PORT) || 4455;

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-upgrade-auth -- nobody is authenticated
// expect: missing-origin-check -- no auth, any Origin: any web page a LAN user opens can join (warning)
const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024, verifyClient: verifyOrigin });

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
httpServer.listen(PORT, '0.0.0.0');

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

wss.on('connection', function connection(ws, req) {
  ws.peer = req.socket.remoteAddress;

  ws.on('message', function message(data, isBinary) {
    wss.clients.forEach(function each(client) {
      if (client !== ws && client.readyState === 1) {
        client.send(data, { binary: isBinary }); // expect: broadcast-to-all -- relay to every connection of an unauthenticated endpoint
      }
    });
  });

  ws.send(JSON.stringify({ type: 'welcome', host: os.hostname(), peers: wss.clients.size }));
});

console.log(`sync relay listening on :${PORT}`);
