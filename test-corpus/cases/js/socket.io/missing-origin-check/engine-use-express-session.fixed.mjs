import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect: missing-origin-check -- the session cookie authorises the socket and any Origin is accepted
const io = new Server(httpServer, { allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) }); // ok: missing-upgrade-auth -- the session must hold a signed-in user

io.engine.use(sessionMiddleware);
io.use((socket, next) => {
  const session = socket.request.session;
  if (session && session.userId) {
    next();
  } else {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket) => {
  const userId = socket.request.session.userId;
  socket.join(userId);
  socket.on('cart:add', async (item) => {
    // ok: broadcast-to-all -- the user's own room
    io.to(userId).emit('cart:updated', { item });
  });
});

httpServer.listen(3000);
