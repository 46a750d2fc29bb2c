import { createServer } from 'http';
import { Server, Socket } from 'socket.io';
import jwt from 'jsonwebtoken';

const httpServer = createServer();

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS: string[] = [];

// ok: missing-upgrade-auth -- io.use verifies the JWT for the main namespace
// ok: missing-origin-check -- the token travels in the CONNECT packet's auth, which a foreign page cannot supply
const io = new Server(httpServer, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? '')) });

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token: string): { id: string } | null {
  return null;
}

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
admin.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error('unauthorized'));
    return;
  }
  socket.data.user = user;
  next();
});
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
