import { Server } from 'socket.io';
import { verify } from 'jsonwebtoken';

// ok: missing-upgrade-auth
const io = new Server(3200);

io.use((socket, next) => {
  try {
    socket.data.user = verify(socket.handshake.auth.token, process.env.JWT_SECRET as string);
    next();
  } catch (e) {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket) => {
  socket.on('room:join', (room: string) => socket.join(room));
  socket.on('room:message', ({ room, text }: { room: string; text: string }) => {
    // ok: broadcast-to-all -- a room, not everyone
    io.to(room).emit('room:message', { from: socket.data.user.name, text });
  });
  socket.on('shout', (text: string) => {
    // ok: broadcast-to-all -- a relay among signed-in users
    io.emit('shout', text);
  });
  // ok: broadcast-to-all -- only to this connection
  io.to(socket.id).emit('welcome', { serverTime: Date.now() });
});

setInterval(() => {
  // ok: broadcast-to-all -- a public ticker
  io.volatile.emit('tick', { now: Date.now() });
}, 1000);
