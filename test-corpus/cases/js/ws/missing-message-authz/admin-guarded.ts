import { WebSocketServer, WebSocket } from 'ws';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { PrismaClient } from '@prisma/client';

type Claims = JwtPayload & { id: string; role: 'admin' | 'member' };
type Msg =
  | { kind: 'auth'; token: string }
  | { kind: 'rename'; name: string }
  | { kind: 'setRole'; userId: string; role: 'admin' | 'member' };
type Conn = WebSocket & { user?: Claims };

const prisma = new PrismaClient();

// ok: missing-upgrade-auth -- first frame must be a verified auth message; it gates every other kind
// ok: missing-origin-check -- token arrives in the first message, no ambient credential
const wss = new WebSocketServer({ port: 8090 });

wss.on('connection', (ws: Conn) => {
  const timer = setTimeout(() => ws.close(4401), 5000);
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString()) as Msg;
    if (!ws.user) {
      if (msg.kind !== 'auth') return ws.close(4401);
      try {
        ws.user = jwt.verify(msg.token, process.env.JWT_SECRET!) as Claims; // ok: unverified-token -- failure closes
      } catch {
        return ws.close(4401);
      }
      clearTimeout(timer);
      return ws.send(JSON.stringify({ kind: 'ready' }));
    }
    switch (msg.kind) {
      // ok: missing-message-authz -- only touches the caller's own row
      case 'rename':
        await prisma.user.update({ where: { id: ws.user.id }, data: { name: msg.name } });
        break;
      // ok: missing-message-authz -- admin role required
      case 'setRole':
        if (ws.user.role !== 'admin') return ws.close(1008);
        await prisma.user.update({ where: { id: msg.userId }, data: { role: msg.role } });
        break;
    }
  });
});
