import { WebSocketServer, WebSocket, RawData } from 'ws';
import * as jwt from 'jsonwebtoken';
import type { IncomingMessage } from 'http';
import { threads } from './threads';

type Viewer = { id: string; role: 'guest' | 'member' | 'admin' };

const GUEST: Viewer = { id: 'guest', role: 'guest' };
const ORIGINS = ['https://forum.example.net'];

function viewerFrom(req: IncomingMessage): Viewer {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t') ?? '';
  try {
    return jwt.verify(token, process.env.FORUM_SECRET as string) as Viewer; // expect: unverified-token
  } catch {
    return GUEST;
  }
}

// ok: missing-origin-check -- verifyClient checks the origin
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: 8500,
  verifyClient: (info: { origin: string }) => ORIGINS.includes(info.origin),
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const viewer = viewerFrom(req);
  ws.send(JSON.stringify({ type: 'hello', as: viewer.id }));
  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      case 'pin-thread': // ok: missing-message-authz -- admin role checked
        if (viewer.role !== 'admin') return;
        await threads.pin(msg.threadId);
        break;
    }
  });
});
