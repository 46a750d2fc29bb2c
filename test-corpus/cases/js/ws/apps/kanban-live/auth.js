import jwt from 'jsonwebtoken';

const ISSUER = 'https://login.kanban.example';
const SUBPROTOCOL = 'kanban.v1';

// Browsers cannot set headers on a WebSocket, so the client offers
// ['kanban.v1', '<jwt>'] as subprotocols and the server answers 'kanban.v1'.
export function tokenFromRequest(req) {
  const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((p) => p.trim());
  if (offered[0] !== SUBPROTOCOL || offered.length < 2) return null;
  return offered[1];
}

export function selectProtocol(protocols) {
  return protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false;
}

export class AuthError extends Error {}

// Throws on a missing, malformed, expired or badly signed token.
export function verifyToken(token) {
  if (!token) throw new AuthError('missing token');
  const claims = jwt.verify(token, process.env.KANBAN_JWT_SECRET, { algorithms: ['HS256'], issuer: ISSUER });
  return { sub: claims.sub, name: claims.name, role: claims.role };
}

// For logs only: which key and expiry a rejected token claimed.
export function describeToken(token) {
  const decoded = token ? jwt.decode(token, { complete: true }) : null; // ok: unverified-token -- logged, never trusted
  return decoded ? { kid: decoded.header.kid, exp: decoded.payload.exp } : null;
}
