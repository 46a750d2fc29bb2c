import Fastify from 'fastify';
import websocket from '@fastify/websocket';

const fastify = Fastify();
await fastify.register(websocket);

// expect: missing-origin-check
fastify.route({ // expect: missing-upgrade-auth
  method: 'GET',
  url: '/chat',
  handler: (req, reply) => reply.send({ hint: 'connect with a WebSocket' }),
  wsHandler: (socket, req) => {
    socket.on('message', (raw) => socket.send(raw.toString()));
  },
});

await fastify.listen({ port: 8080, host: '0.0.0.0' });
