import { createServer } from 'https';
import { readFileSync } from 'fs';
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import jwt from 'jsonwebtoken';
import { parse as parseCookie } from 'cookie';
import { users, auditLog } from './admin-store';

interface AdminClaims {
  sub: string;
  role: 'admin' | 'support' | 'user';
}

const ADMIN_ORIGIN = 'https://admin.example.com';
const server = createServer({ key: readFileSync('tls/key.pem'), cert: readFileSync('tls/cert.pem') });

// ok: missing-upgrade-auth -- cookie JWT verified and role === 'admin' required before handleUpgrade
// ok: missing-origin-check -- cookie credentials, but the upgrade handler pins the Origin
const wss = new WebSocketServer({ noServer: true });

function deny(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\n\r\n`);
  socket.destroy();
}

server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if (req.url !== '/admin/ws' || req.headers.origin !== ADMIN_ORIGIN) return deny(socket, '403 Forbidden');
  let user: AdminClaims;
  try {
    const token = parseCookie(req.headers.cookie ?? '').admin_jwt ?? '';
    user = jwt.verify(token, process.env.ADMIN_JWT_SECRET as string) as AdminClaims; // ok: unverified-token -- failure answers 401
  } catch {
    return deny(socket, '401 Unauthorized');
  }
  if (user.role !== 'admin') return deny(socket, '403 Forbidden');
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, user));
});

wss.on('connection', (ws: WebSocket, _req: IncomingMessage, admin: AdminClaims) => {
  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString()) as { op: string; userId: string; reason?: string; role?: string };
    switch (msg.op) {
      case 'banUser': // ok: missing-message-authz -- admin-only endpoint, role checked at the upgrade
        await users.ban(msg.userId, msg.reason ?? 'no reason given');
        break;
      case 'setRole': // ok: missing-message-authz -- admin-only endpoint, role checked at the upgrade
        await users.setRole(msg.userId, msg.role as AdminClaims['role']);
        break;
      case 'lookup':
        ws.send(JSON.stringify(await users.findById(msg.userId)));
        return;
      default:
        return;
    }
    await auditLog.write({ actor: admin.sub, op: msg.op, target: msg.userId });
    ws.send(JSON.stringify({ type: 'done', op: msg.op }));
  });
});

server.listen(9443);
