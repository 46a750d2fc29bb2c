const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/websocket'));

fastify.register(async function (instance) {
  // expect: missing-upgrade-auth
  instance.get('/live', { websocket: true }, (socket, req) => { // expect: missing-origin-check
    socket.on('message', (message) => {
      socket.send(`echo: ${message}`);
    });
  });
});

fastify.listen({ port: 3000 });
