// Dev helper for the editor extension: live file sync over a local socket.
import { WebSocketServer as WSS } from 'ws';
import { promises as fs } from 'fs';
import path from 'path';
import * as http from 'http';

const ROOT = process.cwd();

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info: { origin: string }, done: (allowed: boolean, code?: number, message?: string) => void): void {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WSS({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

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
function authenticateUpgrade(request: http.IncomingMessage): object | null {
  return null;
}

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ cmd: 'hello', root: path.basename(ROOT) }));

  socket.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    const target = path.join(ROOT, msg.path);
    switch (msg.cmd) {
      case 'read':
        socket.send(JSON.stringify({ cmd: 'file', path: msg.path, body: await fs.readFile(target, 'utf8') }));
        break;
      case 'write': // expect: missing-message-authz
        await fs.writeFile(target, msg.body);
        socket.send(JSON.stringify({ cmd: 'saved', path: msg.path }));
        break;
    }
  });
});

console.log('file sync listening on ws://127.0.0.1:35729');
