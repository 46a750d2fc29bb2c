import jwt, { JwtPayload } from 'jsonwebtoken';
import { keyStore } from './keys';

export interface Editor {
  id: string;
  name: string;
  orgId: string;
}

// Throws when the token is malformed, signed by an unknown key, or expired.
export function verifyToken(token: string): Editor {
  const decoded = jwt.decode(token, { complete: true }); // ok: unverified-token -- header only, to pick the key
  if (!decoded) throw new Error('malformed token');
  const key = keyStore.get(decoded.header.kid ?? 'default');
  if (!key) throw new Error('unknown key');
  const claims = jwt.verify(token, key, { algorithms: ['RS256'], audience: 'doc-editor' }) as JwtPayload;
  return { id: String(claims.sub), name: String(claims.name), orgId: String(claims.org) };
}
