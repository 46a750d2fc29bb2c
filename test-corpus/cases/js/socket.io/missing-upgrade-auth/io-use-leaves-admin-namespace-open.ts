import { createServer } from 'http';
import { Server, Socket } from 'socket.io';
import jwt from 'jsonwebtoken';

const httpServer = createServer();
// ok: missing-upgrade-auth -- io.use verifies the JWT for the main namespace
// ok: missing-origin-check -- the token travels in the CONNECT packet's auth, which a foreign page cannot supply
const io = new Server(httpServer);

io.use((socket: Socket, next) => {
  const token = socket.handshake.auth.token as string;
  jwt.verify(token, process.env.JWT_SECRET!, (err, decoded) => {
    if (err) return next(new Error('unauthorized'));
    socket.data.user = decoded;
    next();
  });
});

// expect: missing-upgrade-auth -- io.use covers '/' only; nothing authenticates '/admin'
// expect: missing-origin-check
const admin = io.of('/admin');
admin.on('connection', (socket: Socket) => {
  // expect: missing-message-authz
  socket.on('user:ban', async (userId: string) => {
    await banUser(userId);
    // expect: broadcast-to-all -- an anonymous namespace relays what any client sends to everyone
    admin.emit('user:banned', userId);
  });
});

async function banUser(id: string) {
  return db.users.update({ where: { id }, data: { banned: true } });
}

declare const db: any;
httpServer.listen(8080);
