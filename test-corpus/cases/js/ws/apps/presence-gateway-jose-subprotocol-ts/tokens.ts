import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

export interface Member {
  id: string;
  email: string;
  displayName: string;
  workspaceId: string;
}

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL ?? 'https://id.example.com/.well-known/jwks.json'));

/** Resolves the member behind the `access_token.<jwt>` subprotocol; throws when it is missing or does not verify. */
export async function authenticate(req: IncomingMessage): Promise<Member> {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  const token = offered.find((s) => s.startsWith('access_token.'))?.slice('access_token.'.length);
  if (!token) throw new Error('missing token');
  try {
    const { payload } = await jwtVerify(token, jwks, { audience: 'presence' }); // ok: unverified-token -- failure is rethrown
    return {
      id: String(payload.sub),
      email: String(payload.email),
      displayName: String(payload.name),
      workspaceId: String(payload.ws),
    };
  } catch (err) {
    // ok: unverified-token -- the claimed subject only goes to the log; the error is rethrown
    console.warn('presence: rejected token', { claimedSub: decodeJwt(token).sub, code: (err as { code?: string }).code });
    throw err;
  }
}
