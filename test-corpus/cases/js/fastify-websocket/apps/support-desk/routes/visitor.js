'use strict';
const { tickets } = require('../tickets');

module.exports = async function visitorRoutes(fastify) {
  // expect: missing-upgrade-auth
  fastify.get('/widget', { websocket: true }, (socket) => { // expect: missing-origin-check
    socket.on('message', async (raw) => {
      const { text } = JSON.parse(raw.toString());
      const ticket = await tickets.open(String(text).slice(0, 2000));
      socket.send(JSON.stringify({ ticketId: ticket.id }));
    });
  });
};
