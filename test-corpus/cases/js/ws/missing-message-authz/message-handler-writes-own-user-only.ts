import { createServer, IncomingMessage } from 'http';
import { WebSocketServer, WebSocket, RawData } from 'ws';
import jwt from 'jsonwebtoken';
import { scratchpads } from './scratchpads';

const server = createServer();
const userOf = new WeakMap<IncomingMessage, string>();

// ok: missing-origin-check -- bearer token in the query string
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  try {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    userOf.set(req, (jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string }).sub); // ok: unverified-token -- catch answers 401
  } catch {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const userId = userOf.get(req)!;
  // ok: missing-message-authz -- autosave is keyed by the verified user, never by the message
  ws.on('message', async (raw: RawData) => {
    const { body } = JSON.parse(raw.toString());
    await scratchpads.put(userId, String(body).slice(0, 100_000));
    ws.send(JSON.stringify({ type: 'saved', at: Date.now() }));
  });
});

server.listen(8300);
