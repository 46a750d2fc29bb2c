import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeJwt, type JWTPayload } from 'jose';

const TRUSTED_ORIGINS = ['https://app.example.com', 'https://beta.example.com'];

class TokenService {
  /** Returns the claims of a well-formed, unexpired token, or null. */
  verify(token: string | null): JWTPayload | null {
    if (!token) return null;
    try {
      const claims = decodeJwt(token); // expect: unverified-token -- only exp is checked, never the signature
      if (!claims.exp || claims.exp * 1000 < Date.now()) return null;
      return claims;
    } catch {
      return null;
    }
  }
}

const tokens = new TokenService();
const server = http.createServer();
// ok: missing-origin-check -- Origin allow-list in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth -- the only guard decodes the token

server.on('upgrade', (req, socket, head) => {
  if (!TRUSTED_ORIGINS.includes(req.headers.origin ?? '')) {
    socket.destroy();
    return;
  }
  const claims = tokens.verify(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token'));
  if (!claims) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, claims));
});

wss.on('connection', (ws: WebSocket, _req: http.IncomingMessage, claims: JWTPayload) => {
  ws.send(JSON.stringify({ type: 'hello', user: claims.sub, tenant: claims.tenant }));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as { type: string };
    if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
  });
});

server.listen(8000);
