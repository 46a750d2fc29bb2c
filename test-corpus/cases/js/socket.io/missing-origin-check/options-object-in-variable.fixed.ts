import { Server, type ServerOptions } from 'socket.io';
import { createServer } from 'http';

const httpServer = createServer();
const ioOptions: Partial<ServerOptions> = {
  cors: { origin: process.env.CLIENT_URL, credentials: true },
  pingTimeout: 20000,
};

// expect-no-fix: missing-origin-check -- the options are a variable: where allowRequest goes is the app's call
// expect: missing-origin-check
// expect: missing-upgrade-auth
const io = new Server(httpServer, ioOptions);
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

io.on('connection', (socket) => {
  socket.emit('server:version', process.env.APP_VERSION);
});

httpServer.listen(4000);
