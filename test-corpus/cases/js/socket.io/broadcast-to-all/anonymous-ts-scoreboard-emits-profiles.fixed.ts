import { Server, Socket } from 'socket.io';
import { loadProfile } from './profiles';

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS: string[] = [];

// expect: missing-upgrade-auth
// expect: missing-origin-check
const io = new Server(6200, { cors: { origin: '*' }, allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? '')) });
io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error('unauthorized'));
    return;
  }
  socket.data.user = user;
  next();
});

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token: string): { id: string } | null {
  return null;
}

io.on('connection', async (socket: Socket) => {
  if (!socket.data.user) {
    socket.disconnect(true);
    return;
  }
  socket.join(`user:${socket.data.user.id}`);
  const profile = await loadProfile(socket.handshake.query.playerId as string);
  // expect: broadcast-to-all -- a player's profile (email, stats) to every connection
  io.to(`user:${socket.data.user.id}`).emit('player:profile', profile);

  socket.on('score', (points: number) => {
    socket.emit('score:ack', points);
  });
});
