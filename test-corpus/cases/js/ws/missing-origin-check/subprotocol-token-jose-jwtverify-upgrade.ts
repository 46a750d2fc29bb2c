import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

interface Claims extends JWTPayload {
  sub: string;
  org: string;
}

const cursors = new Map<string, Set<WebSocket>>(); // org -> sockets

const server = createServer();
// ok: missing-origin-check -- token travels in Sec-WebSocket-Protocol; a cross-site page cannot supply it
const wss = new WebSocketServer({ // ok: missing-upgrade-auth -- jwtVerify before handleUpgrade, 401 on failure
  noServer: true,
  handleProtocols: (protocols) => (protocols.has('cursor.v1') ? 'cursor.v1' : false),
});

server.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const bearer = offered.find((p) => p.startsWith('bearer.'))?.slice('bearer.'.length) ?? '';
  let claims: Claims;
  try {
    const { payload } = await jwtVerify(bearer, JWKS, { issuer: 'https://auth.example.com', audience: 'cursor' }); // ok: unverified-token -- failure answers 401
    claims = payload as Claims;
  } catch {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, claims));
});

wss.on('connection', (ws: WebSocket, _req: IncomingMessage, claims: Claims) => {
  const peers = cursors.get(claims.org) ?? new Set<WebSocket>();
  cursors.set(claims.org, peers.add(ws));
  ws.on('close', () => peers.delete(ws));
  ws.on('message', (raw) => {
    const { x, y } = JSON.parse(raw.toString()) as { x: number; y: number };
    for (const peer of peers) {
      if (peer !== ws) peer.send(JSON.stringify({ user: claims.sub, x, y })); // ok: broadcast-to-all -- same organisation only
    }
  });
});

server.listen(7000);
