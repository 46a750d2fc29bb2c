// corpus: no-findings
import jwt from 'jsonwebtoken';

const { JWT_SECRET } = process.env;

export function verifyAccessToken(token) {
  const payload = jwt.verify(token, JWT_SECRET, { audience: 'notes-api' });
  if (payload.typ !== 'access') {
    throw new Error('refresh tokens cannot open a session');
  }
  return { userId: payload.sub, workspace: payload.ws };
}

export function issueAccessToken(user) {
  return jwt.sign({ typ: 'access', ws: user.workspace }, JWT_SECRET, {
    subject: user.id,
    audience: 'notes-api',
    expiresIn: '15m',
  });
}
