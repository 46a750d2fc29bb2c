// corpus: no-findings
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { IncomingMessage } from 'http';

const issuer = process.env.OIDC_ISSUER ?? 'https://login.fleet.example.com';
const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

/**
 * Browsers cannot set headers on a WebSocket, so the driver app sends its access token as the first
 * Sec-WebSocket-Protocol entry ("bearer.<jwt>").
 */
export default async function verifyUpgrade(req: IncomingMessage) {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const bearer = offered.find((p) => p.startsWith('bearer.'));
  if (!bearer) {
    return null;
  }
  const { payload } = await jwtVerify(bearer.slice('bearer.'.length), jwks, { issuer, audience: 'fleet-ws' });
  return { driverId: String(payload.sub), depot: String(payload.depot ?? '') };
}
