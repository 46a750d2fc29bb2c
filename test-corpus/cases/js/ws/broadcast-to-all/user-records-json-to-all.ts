import { WebSocketServer, WebSocket } from 'ws';
import jwt from 'jsonwebtoken';
import { db } from './db';

interface Member {
  id: string;
  name: string;
  email: string;
  lastIp: string;
  plan: 'free' | 'pro';
}

// ok: missing-origin-check -- access token in the query string
const wss = new WebSocketServer({ port: 8200, path: '/presence' }); // ok: missing-upgrade-auth -- verified in the connection handler

wss.on('connection', async (ws: WebSocket, req) => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('access_token') ?? '';
  let claims: { sub: string };
  try {
    claims = jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string }; // ok: unverified-token -- catch terminates
  } catch {
    ws.terminate();
    return;
  }

  await db.members.touch(claims.sub, req.socket.remoteAddress ?? '');
  const users: Member[] = await db.members.online();
  const payload = JSON.stringify({ type: 'presence', users });
  // expect-no-fix: broadcast-to-all -- which fields of the roster are public is the app's call; no fail-closed edit exists
  wss.clients.forEach((client) => client.send(payload)); // expect: broadcast-to-all
});
