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

io.on('connection', (socket) => {
  socket.emit('server:version', process.env.APP_VERSION);
});

httpServer.listen(4000);
