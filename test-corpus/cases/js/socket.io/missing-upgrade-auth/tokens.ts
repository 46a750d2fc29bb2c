// corpus: no-findings
import * as jose from 'jose';

const JWKS = jose.createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function verifyAccessToken(token?: string) {
  if (!token) return null;
  try {
    const { payload } = await jose.jwtVerify(token, JWKS);
    return payload as { sub: string; tenantId: string; roles: string[] };
  } catch {
    return null;
  }
}
