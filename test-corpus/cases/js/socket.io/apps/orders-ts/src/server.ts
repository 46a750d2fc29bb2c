import { createServer } from 'http';
import { Server } from 'socket.io';
import { socketAuth } from './middleware/auth';
import { registerOrderHandlers } from './handlers/orders';

const httpServer = createServer();
// ok: missing-upgrade-auth -- socketAuth (middleware/auth.ts) verifies the bearer token
// ok: missing-origin-check
const io = new Server(httpServer, { cors: { origin: process.env.WEB_ORIGIN } });

io.use(socketAuth);

io.on('connection', (socket) => {
  socket.join(`user:${socket.data.userId}`);
  registerOrderHandlers(io, socket);
});

httpServer.listen(4000);
