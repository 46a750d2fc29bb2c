'use strict';
const Fastify = require('fastify');

const app = Fastify({ logger: true });
app.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
app.register(require('@fastify/websocket'), { options: { maxPayload: 64 * 1024 } });

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(request, reply) {
  if (!ALLOWED_ORIGINS.has(request.headers.origin)) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
}

app.register(async function liveRoutes(instance) {
  instance.addHook('onRequest', async (request, reply) => {
    try {
      await request.jwtVerify(); // ok: unverified-token -- the catch answers 401, which stops the upgrade
    } catch (err) {
      reply.code(401).send({ error: 'unauthorized' });
    }
  });

  // ok: missing-origin-check -- Authorization header token
  instance.get('/live', { websocket: true }, (socket, request) => { // ok: missing-upgrade-auth -- onRequest hook verifies
    const { sub } = request.user;
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.type === 'ping') socket.send(JSON.stringify({ type: 'pong', sub }));
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

app.register(async function publicRoutes(instance) {
  // expect: missing-upgrade-auth
  instance.get('/status', { onRequest: checkWsOrigin, websocket: true, preValidation: authenticateWs }, (socket) => { // expect: missing-origin-check
    const timer = setInterval(() => socket.send(JSON.stringify({ up: process.uptime() })), 5000);
    socket.on('close', () => clearInterval(timer));
  });
});

app.listen({ port: 3000 });
