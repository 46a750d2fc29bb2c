import http from 'node:http';
import express from 'express';
import session from 'express-session';
import { WebSocketServer, WebSocket } from 'ws';

type Msg = { kind: 'join'; room: string } | { kind: 'say'; room: string; text: string };

const app = express();
const sessionParser = session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false });
app.use(sessionParser);
const server = http.createServer(app);
const rooms = new Map<string, Set<WebSocket>>();

// ok: missing-upgrade-auth -- every upgrade needs a logged-in session, 401 otherwise
// expect: missing-origin-check -- authority is the session cookie and Origin is never checked
const wss = new WebSocketServer({ noServer: true });

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  sessionParser(req as express.Request, {} as express.Response, () => {
    const userId: string | undefined = (req as express.Request).session?.userId;
    if (!userId) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, userId));
  });
});

wss.on('connection', (ws: WebSocket, _req: http.IncomingMessage, userId: string) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as Msg;
    switch (msg.kind) {
      case 'join':
        if (!rooms.has(msg.room)) rooms.set(msg.room, new Set());
        rooms.get(msg.room)!.add(ws);
        break;
      case 'say':
        for (const peer of rooms.get(msg.room) ?? []) {
          peer.send(JSON.stringify({ from: userId, text: msg.text })); // ok: broadcast-to-all -- chat relay to one room
        }
        break;
    }
  });
});

server.listen(8080);
