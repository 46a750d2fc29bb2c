// corpus: no-findings
import jwt from 'jsonwebtoken';

const SECRET = process.env.TRADER_JWT_SECRET;

/** The trader behind an upgrade request, or null when its token does not verify. */
export function authenticate(authorizationHeader) {
  const token = (authorizationHeader || '').replace(/^Bearer\s+/i, '');
  try {
    return jwt.verify(token, SECRET);
  } catch {
    return null;
  }
}
