// Dev tooling: live-reload server for the docs site, started by `npm run docs:watch`.
const path = require('path');
const fs = require('fs/promises');
const chokidar = require('chokidar');
const { WebSocketServer, WebSocket } = require('ws');
const http = require('http');

const ROOT = path.resolve(__dirname, '../docs');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-upgrade-auth
// expect: missing-origin-check -- bound to loopback, but any page open in the browser can connect
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
httpServer.listen(35729, '127.0.0.1');

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

function reloadAll() {
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send('reload'); // ok: broadcast-to-all -- constant, no data
  }
}

chokidar.watch(ROOT, { ignoreInitial: true }).on('all', reloadAll);

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.cmd === 'save') { // expect: missing-message-authz -- writes files for whoever is connected
      await fs.writeFile(path.join(ROOT, msg.file), msg.content, 'utf8');
      ws.send(JSON.stringify({ saved: msg.file }));
    }
  });
});

console.log('live reload on ws://127.0.0.1:35729');
