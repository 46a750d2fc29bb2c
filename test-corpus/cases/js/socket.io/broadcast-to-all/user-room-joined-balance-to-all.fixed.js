const { Server } = require('socket.io');
const { verifySessionToken } = require('./session-tokens');
const wallet = require('./wallet');

// ok: missing-upgrade-auth
const io = new Server(7100);

io.use(async (socket, next) => {
  const session = await verifySessionToken(socket.handshake.auth.token);
  if (!session) return next(new Error('unauthorized'));
  socket.data.userId = session.userId;
  next();
});

io.on('connection', (socket) => {
  socket.join(`user:${socket.data.userId}`);

  socket.on('wallet:refresh', async () => {
    const balance = await wallet.balanceOf(socket.data.userId);
    // expect: broadcast-to-all -- one user's balance to every connection
    io.to(`user:${socket.data.userId}`).emit('wallet:balance', balance);
  });

  socket.on('wallet:transfer', async ({ to, amount }) => {
    const receipt = await wallet.transfer(socket.data.userId, to, amount);
    // ok: broadcast-to-all -- the sender's own room
    io.to(`user:${socket.data.userId}`).emit('wallet:receipt', receipt);
  });
});
