import { WebSocketServer, WebSocket, RawData } from 'ws';
import jwt from 'jsonwebtoken';
import { rooms, messages } from './store';

interface User {
  id: string;
  name: string;
}

// ok: missing-origin-check -- the token arrives in the first message, not a cookie
const wss = new WebSocketServer({ port: 9000 }); // ok: missing-upgrade-auth -- first message must be a verified auth

wss.on('connection', (ws: WebSocket) => {
  let user: User | null = null;
  const authTimer = setTimeout(() => ws.terminate(), 5000);

  ws.on('message', async (data: RawData) => {
    const msg = JSON.parse(data.toString());
    if (!user) {
      if (msg.type !== 'auth') {
        ws.close(4401, 'auth first');
        return;
      }
      try {
        user = jwt.verify(msg.token, process.env.JWT_SECRET as string) as User; // ok: unverified-token -- catch closes
      } catch {
        ws.close(4401, 'bad token');
        return;
      }
      clearTimeout(authTimer);
      ws.send(JSON.stringify({ type: 'ready', name: user.name }));
      return;
    }

    switch (msg.type) {
      case 'join':
        rooms.join(msg.room, ws);
        break;
      case 'say': // ok: missing-message-authz -- chat message, not privileged
        rooms.publish(msg.room, { from: user.name, text: msg.text });
        break;
      case 'delete-message': { // ok: missing-message-authz -- author checked
        const m = await messages.get(msg.id);
        if (!m || m.authorId !== user.id) return;
        await messages.remove(msg.id);
        break;
      }
    }
  });
});
