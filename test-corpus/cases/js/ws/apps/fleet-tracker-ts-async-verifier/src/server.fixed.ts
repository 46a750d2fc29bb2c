import { WebSocketServer, WebSocket } from 'ws';
import { positions, type Position } from './positions';
import * as http from 'http';
import verifyUpgrade from './auth/verify-upgrade';

const PORT = Number(process.env.PORT ?? 4000);

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info: { origin: string }, done: (allowed: boolean, code?: number, message?: string) => void): void {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

const httpServer = http.createServer((req, res) => res.writeHead(426).end());
httpServer.on('upgrade', async (request, socket, head) => {
  let user: Awaited<ReturnType<typeof verifyUpgrade>> | null;
  try {
    user = await verifyUpgrade(request);
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
httpServer.listen(PORT);

wss.on('connection', (ws: WebSocket) => {
  const stop = positions.onUpdate((p: Position) => {
    if (ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(p));
    }
  });
  ws.on('close', stop);
});
