const fastify = require('fastify')({ logger: true });

fastify.register(require('@fastify/websocket'));

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(request, reply) {
  if (!ALLOWED_ORIGINS.has(request.headers.origin)) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
}

fastify.register(async function (instance) {
  // expect: missing-upgrade-auth
  instance.get('/live', { onRequest: checkWsOrigin, websocket: true, preValidation: authenticateWs }, (socket, req) => { // expect: missing-origin-check
    socket.on('message', (message) => {
      socket.send(`echo: ${message}`);
    });
  });
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

fastify.listen({ port: 3000 });
