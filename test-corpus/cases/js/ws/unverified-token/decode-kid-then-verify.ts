import { createServer } from 'http';
import { WebSocketServer } from 'ws';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { getSigningKey } from './jwks';
import { collab } from './collab';

const PROTOCOL = 'v1.collab';
const server = createServer();

// ok: missing-origin-check -- bearer token in the subprotocol header
const wss = new WebSocketServer({ // ok: missing-upgrade-auth
  noServer: true,
  handleProtocols: (protocols: Set<string>) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
});

function reject(socket: import('stream').Duplex) {
  socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
  socket.destroy();
}

server.on('upgrade', async (req, socket, head) => {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const token = offered.find((p) => p !== PROTOCOL) ?? '';
  const decoded = jwt.decode(token, { complete: true }); // ok: unverified-token -- only reads kid to pick the key
  if (!decoded || typeof decoded.header.kid !== 'string') return reject(socket);

  let claims: JwtPayload;
  try {
    const key = await getSigningKey(decoded.header.kid);
    claims = jwt.verify(token, key, { algorithms: ['RS256'] }) as JwtPayload; // ok: unverified-token -- failure answers 401
  } catch {
    return reject(socket);
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    collab.attach(ws, String(claims.sub));
  });
});

server.listen(8080);
