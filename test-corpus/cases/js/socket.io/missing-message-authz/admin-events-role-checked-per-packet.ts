import { Server, Socket } from 'socket.io';
import { verifyToken } from './verify';

// ok: missing-upgrade-auth
const io = new Server(5100);

io.use(async (socket: Socket, next) => {
  try {
    socket.data.user = await verifyToken(socket.handshake.auth.token);
    next();
  } catch {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket: Socket) => {
  socket.use(([event], next) => {
    if (!can(socket.data.user, event)) {
      return next(new Error(`forbidden: ${event}`));
    }
    next();
  });

  // ok: missing-message-authz -- every packet passes the permission check in socket.use
  socket.on('admin:deleteUser', async (userId: string) => {
    await db.user.delete({ where: { id: userId } });
  });
});

declare const db: any;
declare function can(user: { role: string }, event: string): boolean;
