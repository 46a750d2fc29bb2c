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

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(
  request: { headers: import('http').IncomingHttpHeaders },
  reply: { code(statusCode: number): { send(payload?: unknown): unknown } },
): Promise<unknown> {
  if (!ALLOWED_ORIGINS.has(request.headers.origin ?? '')) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
  return undefined;
}

// expect: missing-origin-check -- decode-only: nothing authenticates
server.route({ // expect: missing-upgrade-auth
  onRequest: checkWsOrigin,
  method: 'GET',
  url: '/ws/cursor',
  preValidation: readUser,
  handler: (req, reply) => reply.send({ hint: 'connect with a WebSocket' }),
  wsHandler: (socket, req) => {
    socket.on('message', (data) => socket.send(data));
  },
});

await server.listen({ port: 8080 });
