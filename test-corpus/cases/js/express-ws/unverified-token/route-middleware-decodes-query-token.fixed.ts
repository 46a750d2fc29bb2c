import express, { Request, Response, NextFunction } from 'express';
import expressWs from 'express-ws';
import jwt from 'jsonwebtoken';
import { db } from './db';

const { app, getWss } = expressWs(express());

function adminOnly(ws: any, req: Request, next: NextFunction) {
  const token = new URL(req.url, 'http://x').searchParams.get('token') ?? '';
  const claims = verifiedClaims(token) as { sub: string; role: string } | null; // expect: unverified-token
  if (!claims || claims.role !== 'admin') {
    ws.close(4401, 'forbidden');
    return;
  }
  (req as any).admin = claims;
  next();
}

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Route middleware: a browser page from any other Origin is refused before the handler runs
function checkWsOrigin(
  ws: { close(code?: number, reason?: string): void },
  req: import('http').IncomingMessage,
  next: () => void,
): void {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    ws.close(1008, 'Forbidden');
    return;
  }
  next();
}

// expect: missing-origin-check -- decode-only: nothing authenticates
app.ws('/admin/feed', checkWsOrigin, adminOnly, (ws, req) => { // expect: missing-upgrade-auth
  ws.on('message', async (raw) => {
    const { action, userId } = JSON.parse(raw.toString());
    switch (action) {
      case 'ban': // ok: missing-message-authz -- only admins connect (a decode-only check, reported above)
        await db.users.ban(userId);
        break;
      case 'list': {
        const users = await db.users.findAll();
        getWss().clients.forEach((c) => c.send(JSON.stringify(users))); // expect: broadcast-to-all
        break;
      }
    }
  });
});

app.listen(4000);

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token; refuses every token while JWT_SECRET is unset
function verifiedClaims(token: string) {
  try {
    return jwt.verify(token, process.env.JWT_SECRET ?? '');
  } catch {
    return null;
  }
}
