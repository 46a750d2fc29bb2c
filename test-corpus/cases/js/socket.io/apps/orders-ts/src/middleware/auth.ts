// corpus: no-findings
import type { Socket } from 'socket.io';
import jwt, { JwtPayload } from 'jsonwebtoken';

export function socketAuth(socket: Socket, next: (err?: Error) => void) {
  const token = socket.handshake.auth?.token ?? socket.handshake.headers.authorization?.split(' ')[1];
  if (!token) {
    return next(new Error('missing token'));
  }
  try {
    const payload = jwt.verify(token, process.env.JWT_SECRET as string) as JwtPayload;
    socket.data.userId = payload.sub;
    socket.data.role = payload.role;
    next();
  } catch (err) {
    next(new Error('invalid token'));
  }
}
