import { createServer } from 'node:http';
import { Server } from 'socket.io';
import app from './app.mjs';

export const httpServer = createServer(app);

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect: missing-upgrade-auth -- realtime.mjs registers the connection handler, and nothing authenticates it
// expect: missing-origin-check
export const io = new Server(httpServer, {
  cors: { origin: ['https://support.example.com'] },
  allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)),
});
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
function authenticateSocket(token) {
  return null;
}
