// corpus: no-findings
import jwt from 'jsonwebtoken';

export async function verifyToken(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string; role: string };
}
