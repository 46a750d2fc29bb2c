import Fastify from 'fastify';
import websocket from '@fastify/websocket';

const fastify = Fastify();
await fastify.register(websocket);

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(request, reply) {
  if (!ALLOWED_ORIGINS.has(request.headers.origin)) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
}

// expect: missing-origin-check
fastify.route({ // expect: missing-upgrade-auth
  onRequest: checkWsOrigin,
  method: 'GET',
  url: '/chat',
  handler: (req, reply) => reply.send({ hint: 'connect with a WebSocket' }),
  wsHandler: (socket, req) => {
    socket.on('message', (raw) => socket.send(raw.toString()));
  },
  preValidation: authenticateWs,
});

// Fastify runs preValidation before @fastify/websocket upgrades: replying here refuses the connection
async function authenticateWs(request, reply) {
  const user = authenticateUpgrade(request);
  if (!user) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
  request.user = user;
}

// Refuses every connection until it is wired to the app's own check of the request's credential (its session
// cookie, or a token verified with the app's key): return the user, or null to refuse.
function authenticateUpgrade(request) {
  return null;
}

await fastify.listen({ port: 8080, host: '0.0.0.0' });
