const { Server } = require('socket.io');
const notes = require('./notes');

function createRealtime(server) {
  // expect: missing-upgrade-auth
  // expect: missing-origin-check
  const io = new Server(server, { cors: { origin: '*' } });
  io.on('connection', (socket) => {
    socket.on('note:get', async (id, ack) => {
      ack(await notes.findById(id));
    });
  });
  return io;
}

module.exports = { createRealtime };
