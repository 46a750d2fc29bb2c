const db = require('./db');

// expect: missing-origin-check
const io = require('socket.io')(3001); // expect: missing-upgrade-auth

io.on('connection', async (socket) => {
  const users = await db.query('SELECT id, email, last_login FROM users');
  // expect: broadcast-to-all -- every visitor gets the user table
  io.emit('users', users);
  socket.on('chat', (msg) => {
    // expect: broadcast-to-all -- anonymous relay to every other connection
    socket.broadcast.emit('chat', msg);
  });
});
