import { WebSocketServer, WebSocket, type RawData } from 'ws';
import jwt, { type JwtPayload } from 'jsonwebtoken';

type Client = WebSocket & { userId?: string };

const statuses = new Map<string, string>();

// ok: missing-upgrade-auth -- the first message must be a verified auth message; nothing else is handled before it
// ok: missing-origin-check -- the token arrives in the first message, no cookie
const wss = new WebSocketServer({ port: 8081, maxPayload: 64 * 1024 });

setInterval(() => {
  const tick = JSON.stringify({ type: 'tick', serverTime: new Date().toISOString(), online: wss.clients.size });
  wss.clients.forEach((c: Client) => {
    if (c.userId && c.readyState === WebSocket.OPEN) c.send(tick); // ok: broadcast-to-all -- server time and online count are public
  });
}, 5000);

function onMessage(ws: Client, msg: { type: string; status?: string }): void {
  switch (msg.type) {
    case 'setStatus': // ok: missing-message-authz -- the caller's own status only
      statuses.set(ws.userId as string, String(msg.status).slice(0, 80));
      break;
    case 'ping':
      ws.send('{"type":"pong"}');
      break;
  }
}

wss.on('connection', (ws: Client) => {
  const timer = setTimeout(() => ws.close(4001, 'auth timeout'), 5000);
  ws.once('message', (raw: RawData) => {
    clearTimeout(timer);
    let claims: JwtPayload;
    try {
      const msg = JSON.parse(raw.toString());
      if (msg.type !== 'auth') throw new Error('expected auth first');
      claims = jwt.verify(msg.token, process.env.JWT_SECRET as string) as JwtPayload; // ok: unverified-token -- failure closes the socket
    } catch {
      ws.close(4401, 'unauthorized');
      return;
    }
    ws.userId = claims.sub;
    ws.send(JSON.stringify({ type: 'authed', userId: claims.sub }));
    ws.on('message', (data: RawData) => onMessage(ws, JSON.parse(data.toString())));
  });
});
