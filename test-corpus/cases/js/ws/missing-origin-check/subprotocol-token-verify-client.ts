import { WebSocketServer, WebSocket } from 'ws';
import jwt from 'jsonwebtoken';
import type { IncomingMessage } from 'http';
import { streams } from './streams';

type FleetClaims = { sub: string; fleet: string };

const PROTOCOL = 'telemetry.v2';
const claimsByReq = new WeakMap<IncomingMessage, FleetClaims>();

function tokenFromProtocols(req: IncomingMessage): string | undefined {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return offered.find((p) => p.startsWith('bearer.'))?.slice('bearer.'.length);
}

// ok: missing-origin-check -- bearer token in Sec-WebSocket-Protocol, nothing ambient
const wss = new WebSocketServer({ // ok: missing-upgrade-auth
  port: 8443,
  handleProtocols: (protocols: Set<string>) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  verifyClient: ({ req }: { req: IncomingMessage }) => {
    const token = tokenFromProtocols(req);
    if (!token) return false;
    try {
      claimsByReq.set(req, jwt.verify(token, process.env.FLEET_KEY as string) as FleetClaims); // ok: unverified-token -- returns false on failure
      return true;
    } catch {
      return false;
    }
  },
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const claims = claimsByReq.get(req)!;
  const sub = streams.fleet(claims.fleet).subscribe((frame: string) => ws.send(frame));
  ws.on('close', () => sub.unsubscribe());
});
