import { createServer, type IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { parse as parseCookie } from 'cookie';
import { sessionStore } from './session-store';

interface SessionUser {
  id: string;
  name: string;
  teamId: string;
}

const server = createServer();
// expect: missing-origin-check -- session cookie, and any Origin is accepted
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth -- the development branch skips the session lookup

function reject(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  if (process.env.NODE_ENV === 'development') {
    const devUser: SessionUser = { id: 'dev', name: 'Developer', teamId: 'dev-team' };
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, devUser));
    return;
  }
  try {
    const sid = parseCookie(req.headers.cookie ?? '').sid;
    const user: SessionUser | undefined = sid ? await sessionStore.get(sid) : undefined;
    if (!user) return reject(socket, '401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, user));
  } catch (err) {
    console.error('session lookup failed', err);
    reject(socket, '500 Internal Server Error');
  }
});

wss.on('connection', (ws: WebSocket, _req: IncomingMessage, user: SessionUser) => {
  ws.send(JSON.stringify({ type: 'hello', name: user.name, team: user.teamId }));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as { type: string };
    if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong', at: Date.now() }));
  });
});

server.listen(Number(process.env.PORT ?? 8080));
