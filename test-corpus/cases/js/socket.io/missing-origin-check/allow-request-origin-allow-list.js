const http = require('http');
const socketio = require('socket.io');
const session = require('express-session');

const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
const server = http.createServer();

// ok: missing-origin-check -- allowRequest refuses the upgrade for Origins outside the allow-list
// ok: missing-upgrade-auth
const io = socketio(server, {
  cors: { origin: ALLOWED_ORIGINS, credentials: true },
  allowRequest: (req, callback) => {
    const origin = req.headers.origin;
    callback(null, ALLOWED_ORIGINS.includes(origin));
  },
});

const wrap = (middleware) => (socket, next) => middleware(socket.request, {}, next);
io.use(wrap(sessionMiddleware));
io.use((socket, next) => {
  if (!socket.request.session.user) {
    return next(new Error('not signed in'));
  }
  next();
});

io.on('connection', (socket) => {
  socket.emit('hello', { name: socket.request.session.user.name });
});

server.listen(5000);
