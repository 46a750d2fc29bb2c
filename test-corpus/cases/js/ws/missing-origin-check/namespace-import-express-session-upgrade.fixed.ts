import * as http from 'http';
import * as WS from 'ws';
import express from 'express';
import session from 'express-session';
import { projects, users } from './db';

const app = express();
const sessionParser = session({
  secret: process.env.SESSION_SECRET as string,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true },
});
app.use(sessionParser);

const server = http.createServer(app);
// ok: missing-upgrade-auth -- a logged-in session is required in the upgrade handler
const wss = new WS.WebSocketServer({ noServer: true }); // expect: missing-origin-check -- session cookie and no Origin check

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req: any, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  sessionParser(req, {} as any, () => {
    if (!req.session?.userId) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
});

wss.on('connection', (ws: WS.WebSocket, req: any) => {
  const userId: string = req.session.userId;
  ws.on('message', async (raw: WS.RawData) => {
    const msg = JSON.parse(raw.toString()) as { action: string; projectId?: string; name?: string };
    if (msg.action === 'renameMe') { // ok: missing-message-authz -- writes the session user's own record
      await users.update(userId, { displayName: String(msg.name).slice(0, 64) });
    } else if (msg.action === 'deleteProject') { // expect: missing-message-authz -- client-supplied projectId, no owner or role check
      await projects.delete(msg.projectId);
      ws.send(JSON.stringify({ ok: true, deleted: msg.projectId }));
    }
  });
});

server.listen(8080);
