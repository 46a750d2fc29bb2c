import { WebSocketServer, WebSocket, RawData } from 'ws';
import jwt from 'jsonwebtoken';
import { prisma } from './prisma';

// ok: missing-origin-check -- token from the query string
const wss = new WebSocketServer({ port: 8210 }); // ok: missing-upgrade-auth -- verified in the connection handler

wss.on('connection', (ws: WebSocket, req) => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
  let userId: string;
  try {
    userId = (jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string }).sub; // ok: unverified-token -- catch closes
  } catch {
    ws.close(4401);
    return;
  }

  // settings page saves whatever user id the client sends
  // expect: missing-message-authz
  ws.on('message', async (raw: RawData) => {
    const { targetUserId, settings } = JSON.parse(raw.toString());
    await prisma.notificationSettings.upsert({
      where: { userId: targetUserId },
      update: settings,
      create: { userId: targetUserId, ...settings },
    });
    ws.send(JSON.stringify({ ok: true, savedBy: userId }));
  });
});
