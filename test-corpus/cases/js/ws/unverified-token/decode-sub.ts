import { createServer } from 'node:http';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { parse as parseCookie } from 'cookie';
import { WebSocketServer, WebSocket } from 'ws';
import { PrismaClient } from '@prisma/client';

type Client = WebSocket & { userId?: string };
type Msg = { kind: 'history'; limit?: number } | { kind: 'ping' };

const prisma = new PrismaClient();
const server = createServer();

// expect: missing-upgrade-auth -- identity comes from an unverified decode
// expect: missing-origin-check -- the token rides in a cookie and Origin is never checked
const wss = new WebSocketServer({ server, path: '/inbox' });

wss.on('connection', (ws: Client, req) => {
  const token = parseCookie(req.headers.cookie ?? '').auth;
  if (!token) return ws.close(4401);
  // expect-no-fix: unverified-token -- the claims are destructured at once: a refused token would throw in the connection handler
  const { sub } = jwt.decode(token) as JwtPayload; // expect: unverified-token -- signature never checked, sub trusted
  ws.userId = sub;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString()) as Msg;
    switch (msg.kind) {
      case 'history': {
        const items = await prisma.message.findMany({ where: { recipientId: ws.userId }, take: msg.limit ?? 50 });
        ws.send(JSON.stringify({ kind: 'history', items }));
        break;
      }
      case 'ping':
        ws.send(JSON.stringify({ kind: 'pong' }));
        break;
    }
  });
});

server.listen(9000);
