import { createServer } from 'http';
import { WebSocketServer, WebSocket, RawData } from 'ws';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { loadBoard } from './boards';

const server = createServer();

// ok: missing-origin-check -- token comes from the query string, not a cookie
const wss = new WebSocketServer({ server, path: '/board' }); // ok: missing-upgrade-auth -- connection handler verifies and closes first

wss.on('connection', async (ws: WebSocket, req) => {
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
  let user: JwtPayload;
  try {
    user = jwt.verify(token ?? '', process.env.JWT_SECRET as string) as JwtPayload; // ok: unverified-token -- catch closes the socket
  } catch {
    ws.close(4401, 'unauthorized');
    return;
  }

  const board = await loadBoard(String(user.sub));
  ws.send(JSON.stringify({ type: 'board', board }));

  ws.on('message', async (raw: RawData) => {
    const { type } = JSON.parse(raw.toString());
    if (type === 'refresh') {
      ws.send(JSON.stringify({ type: 'board', board: await loadBoard(String(user.sub)) }));
    }
  });
});

server.listen(8080);
