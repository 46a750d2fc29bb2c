import Fastify, { FastifyRequest, FastifyReply } from 'fastify';
import websocket from '@fastify/websocket';
import fastifyJwt from '@fastify/jwt';

const server = Fastify();
await server.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
await server.register(websocket);

async function readUser(request: FastifyRequest, reply: FastifyReply) {
  const token = (request.query as { token?: string }).token ?? '';
  const payload = server.jwt.decode<{ sub: string }>(token); // expect: unverified-token
  if (!payload) {
    return reply.code(401).send();
  }
  (request as any).userId = payload.sub;
}

// expect: missing-origin-check -- decode-only: nothing authenticates
server.route({ // expect: missing-upgrade-auth
  method: 'GET',
  url: '/ws/cursor',
  preValidation: readUser,
  handler: (req, reply) => reply.send({ hint: 'connect with a WebSocket' }),
  wsHandler: (socket, req) => {
    socket.on('message', (data) => socket.send(data));
  },
});

await server.listen({ port: 8080 });
