'use strict';
const { tickets } = require('../tickets');

module.exports = async function queueRoutes(fastify) {
  // ok: missing-origin-check -- agents present a bearer token
  fastify.get('/queue', { websocket: true }, (socket, request) => { // ok: missing-upgrade-auth -- the agents context in app.js verifies
    socket.on('message', async (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.type === 'open') {
        const ticket = await tickets.find(msg.ticketId);
        socket.send(JSON.stringify({ type: 'ticket', ticket, viewer: request.agent.sub }));
      }
    });
  });
};
