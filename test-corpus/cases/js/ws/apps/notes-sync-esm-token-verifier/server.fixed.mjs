import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { applyPatch, loadNote } from './lib/notes.mjs';
import { verifyAccessToken } from './lib/tokens.mjs';

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok' }));
});

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

server.on('upgrade', (request, socket, head) => {
  const token = upgradeToken(request);
  let user;
  try {
    user = token ? verifyAccessToken(token) : null;
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

// The client's token: an Authorization bearer header, or ?token= in the URL (browsers cannot set headers
// on a WebSocket)
function upgradeToken(request) {
  const header = request.headers.authorization;
  if (header && header.startsWith('Bearer ')) {
    return header.slice(7);
  }
  return new URL(request.url, 'http://localhost').searchParams.get('token');
}

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const { noteId, patch } = JSON.parse(data.toString());
    const note = await loadNote(noteId);
    if (!note) {
      ws.send(JSON.stringify({ error: 'not found' }));
      return;
    }
    ws.send(JSON.stringify({ noteId, version: applyPatch(note, patch) }));
  });
});

server.listen(Number(process.env.PORT) || 3000);
