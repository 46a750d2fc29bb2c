import { App, HttpRequest, HttpResponse, us_socket_context_t } from 'uWebSockets.js';
import * as jose from 'jose';
import { servers } from './fleet';

type Operator = { sub: string; role: 'viewer' | 'operator' | 'admin' };

const secret = new TextEncoder().encode(process.env.OPS_SECRET);

const app = App();

// ok: missing-origin-check -- bearer token in the Authorization header
app.ws<Operator>('/ops', { // ok: missing-upgrade-auth -- jose verifies before the upgrade
  upgrade: async (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => {
    const auth = req.getHeader('authorization');
    const key = req.getHeader('sec-websocket-key');
    const protocol = req.getHeader('sec-websocket-protocol');
    const extensions = req.getHeader('sec-websocket-extensions');
    res.onAborted(() => {});
    try {
      const { payload } = await jose.jwtVerify(auth.replace(/^Bearer /, ''), secret);
      res.cork(() => res.upgrade(payload as Operator, key, protocol, extensions, context));
    } catch {
      res.cork(() => res.writeStatus('401 Unauthorized').end());
    }
  },
  message: async (ws, message) => {
    const operator = ws.getUserData();
    const cmd = JSON.parse(Buffer.from(message).toString());
    switch (cmd.action) {
      case 'restart': // ok: missing-message-authz -- role checked
        if (operator.role !== 'admin' && operator.role !== 'operator') {
          ws.send(JSON.stringify({ error: 'forbidden' }));
          return;
        }
        await servers.restart(cmd.serverId);
        break;
      // expect-no-fix: missing-message-authz -- which roles may delete a server is the app's call; a patch would guess
      case 'deleteServer': // expect: missing-message-authz
        await servers.delete(cmd.serverId);
        break;
      case 'status':
        ws.send(JSON.stringify(await servers.status(cmd.serverId)));
        break;
    }
  },
});

app.listen(7000, () => {});
