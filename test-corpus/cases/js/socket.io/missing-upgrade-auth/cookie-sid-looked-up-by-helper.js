const http = require('http');
const socketio = require('socket.io');
const cookie = require('cookie');
const sessions = require('./session-lookup');

const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];
const server = http.createServer();

// ok: missing-origin-check -- allowRequest refuses Origins outside the allow-list
// todo-ok: missing-upgrade-auth -- sessions.lookup reads the store by the cookie's sid, but inside the helper the sid is a parameter and wsguard no longer sees that it came from a cookie
const io = socketio(server, {
  allowRequest: (req, callback) => {
    const origin = req.headers.origin;
    callback(null, ALLOWED_ORIGINS.includes(origin));
  },
});

io.use(async (socket, next) => {
  const cookies = cookie.parse(socket.handshake.headers.cookie || '');
  const user = await sessions.lookup(cookies.sid);
  if (!user) return next(new Error('not signed in'));
  socket.user = user;
  next();
});

io.on('connection', (socket) => {
  socket.emit('hello', { name: socket.user.name });
});

server.listen(5000);
