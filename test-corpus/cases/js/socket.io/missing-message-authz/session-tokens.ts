// corpus: no-findings
import { createHmac, timingSafeEqual } from 'crypto';

export async function verifySession(token: string | undefined) {
  if (!token) return null;
  const [id, mac] = token.split('.');
  const expected = createHmac('sha256', process.env.SESSION_KEY as string).update(id).digest('hex');
  if (!mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    return null;
  }
  return { id, isModerator: false };
}
