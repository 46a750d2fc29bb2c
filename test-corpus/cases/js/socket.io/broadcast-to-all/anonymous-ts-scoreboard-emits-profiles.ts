import { Server, Socket } from 'socket.io';
import { loadProfile } from './profiles';

// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = new Server(6200, { cors: { origin: '*' } });

io.on('connection', async (socket: Socket) => {
  const profile = await loadProfile(socket.handshake.query.playerId as string);
  // expect: broadcast-to-all -- a player's profile (email, stats) to every connection
  io.emit('player:profile', profile);

  socket.on('score', (points: number) => {
    socket.emit('score:ack', points);
  });
});
