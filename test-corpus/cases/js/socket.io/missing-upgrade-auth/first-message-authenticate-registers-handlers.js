const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');

// ok: missing-upgrade-auth -- nothing but 'authenticate' is handled until the token verifies
const io = new Server(9000);

io.on('connection', (socket) => {
  const timer = setTimeout(() => socket.disconnect(true), 5000);
  socket.once('authenticate', ({ token }) => {
    let user;
    try {
      user = jwt.verify(token, process.env.JWT_SECRET); // ok: unverified-token -- the catch disconnects
    } catch (e) {
      socket.emit('unauthorized');
      return socket.disconnect(true);
    }
    clearTimeout(timer);
    socket.join(`user:${user.sub}`);
    // ok: missing-message-authz -- places the order for the authenticated user only
    socket.on('order:place', async (order) => {
      await placeOrder(user.sub, order);
    });
  });
});

async function placeOrder(userId, order) {
  return { userId, ...order };
}
