const http = require('http');
const socketIo = require('socket.io');
const { requireTrader } = require('./auth');
const registerAdmin = require('./admin');

const server = http.createServer();
// ok: missing-upgrade-auth
// ok: missing-origin-check
const io = socketIo(server, { path: '/rt' });

io.use(requireTrader);

io.on('connection', (socket) => {
  socket.join(`trader:${socket.trader.id}`);
  socket.on('quote:subscribe', (symbol) => socket.join(`quote:${symbol}`));
});

setInterval(() => {
  // ok: broadcast-to-all -- public market prices
  io.emit('market:prices', { updatedAt: Date.now() });
}, 5000);

registerAdmin(io);
server.listen(7070);
