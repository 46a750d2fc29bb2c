import { parse } from 'cookie';
import jwt from 'jsonwebtoken';
import type { IncomingMessage } from 'http';

export interface OpsSession {
  userId: string;
  email: string;
  role: 'viewer' | 'operator' | 'admin';
  csrf: string;
}

// The ops console keeps its session in a signed cookie set by the login page.
export function loadSession(req: IncomingMessage): OpsSession | null {
  const raw = parse(req.headers.cookie ?? '').ops_session;
  if (!raw) return null;
  try {
    return jwt.verify(raw, process.env.OPS_SESSION_KEY as string) as OpsSession; // ok: unverified-token -- returns null, the caller answers 401
  } catch {
    return null;
  }
}
