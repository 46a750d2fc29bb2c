import { WebSocketServer, WebSocket, RawData } from 'ws';
import jwt from 'jsonwebtoken';
import { moderation } from './moderation';

type Claims = { sub: string; role: 'member' | 'moderator' | 'admin' };

// ok: missing-origin-check -- token from the query string
const wss = new WebSocketServer({ port: 8100, path: '/mod' }); // ok: missing-upgrade-auth -- verified in the connection handler before any send

wss.on('connection', (ws: WebSocket, req) => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
  let claims: Claims;
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET as string) as Claims; // ok: unverified-token -- catch closes
  } catch {
    ws.close(1008, 'unauthorized');
    return;
  }

  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString());
    if (claims.role !== 'moderator' && claims.role !== 'admin') {
      ws.send(JSON.stringify({ type: 'error', error: 'forbidden' }));
      return;
    }
    switch (msg.type) {
      case 'mute': // ok: missing-message-authz -- role checked before dispatch
        await moderation.mute(msg.target, msg.minutes, claims.sub);
        break;
      case 'delete-post': // ok: missing-message-authz -- role checked before dispatch
        await moderation.deletePost(msg.postId, claims.sub);
        break;
      case 'set-role': // ok: missing-message-authz -- admin only
        if (claims.role !== 'admin') return;
        await moderation.setRole(msg.target, msg.role);
        break;
    }
  });
});
