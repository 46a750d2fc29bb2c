import http from 'http';
import { WebSocketServer, WebSocket, RawData } from 'ws';
import { loadSession, OpsSession } from './session';
import { deployments, audit } from './ops';

const server = http.createServer();
const sessions = new Map<WebSocket, OpsSession>();

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- cookie session verified in ./session

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const session = loadSession(req);
  if (!session) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    sessions.set(ws, session);
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws: WebSocket) => {
  const session = sessions.get(ws)!;
  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      case 'rollback': // ok: missing-message-authz -- operator role required
        if (session.role !== 'operator' && session.role !== 'admin') return;
        await deployments.rollback(msg.service, msg.version);
        await audit.record(session.userId, 'rollback', msg.service);
        break;
    }
  });
  ws.on('close', () => sessions.delete(ws));
});

// the "who is on call" widget
setInterval(() => {
  const active = JSON.stringify({ type: 'active-sessions', sessions: [...sessions.values()] });
  for (const client of wss.clients) {
    client.send(active); // expect: broadcast-to-all
  }
}, 10000);

server.listen(9443);
