const { Server } = require('socket.io');
const { requireStaff } = require('./staff-auth');
const orders = require('./orders');

// ok: missing-upgrade-auth
const io = new Server(3400);
io.use(requireStaff);

// expect: missing-upgrade-auth -- requireStaff guards '/' only
// expect: missing-origin-check
const kitchen = io.of('/kitchen');

async function publishQueue() {
  const pending = await orders.findPending();
  // expect-no-fix: broadcast-to-all -- sent from a function outside any connection handler: no socket, so no user, in scope
  // expect: broadcast-to-all -- customer orders to every unauthenticated '/kitchen' connection
  kitchen.emit('queue', pending);
}

kitchen.on('connection', () => publishQueue());
