import express, { Request, Response, NextFunction } from 'express';
import expressWs from 'express-ws';
import * as jose from 'jose';
import { accounts, projects } from './store';

const { app } = expressWs(express());
const key = new TextEncoder().encode(process.env.SIGNING_KEY);

async function withUser(ws: unknown, req: Request, next: NextFunction) {
  const protocol = req.headers['sec-websocket-protocol'] ?? '';
  try {
    const { payload } = await jose.jwtVerify(protocol.split(',')[0].trim(), key); // ok: unverified-token -- the catch hands the error to next
    (req as any).user = payload;
    next();
  } catch {
    next(new Error('unauthorized'));
  }
}

// ok: missing-origin-check -- token in the subprotocol header
app.ws('/projects', withUser, (ws, req) => { // ok: missing-upgrade-auth -- route middleware verifies with jose
  const user = (req as any).user as { sub: string; role: string };
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      // expect-no-fix: missing-message-authz -- who may delete a project (a role, an ownership check) is the app's call; a patch would guess
      case 'deleteProject': // expect: missing-message-authz
        await projects.delete(msg.projectId);
        break;
      case 'renameSelf': // ok: missing-message-authz -- acts on the connection's own account
        await accounts.update(user.sub, { displayName: String(msg.name).slice(0, 40) });
        break;
      case 'suspendAccount': // ok: missing-message-authz -- role checked first
        if (user.role !== 'admin') {
          ws.send(JSON.stringify({ error: 'forbidden' }));
          return;
        }
        await accounts.suspend(msg.accountId);
        break;
      default:
        ws.send(JSON.stringify({ error: 'unknown type' }));
    }
  });
});

app.listen(3000);
