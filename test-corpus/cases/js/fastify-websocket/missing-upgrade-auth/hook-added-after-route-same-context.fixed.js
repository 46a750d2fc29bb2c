'use strict';
const fastify = require('fastify')({ logger: true });
const { createRemoteJWKSet, jwtVerify } = require('jose');

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL));

fastify.register(require('@fastify/websocket'));

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(request, reply) {
  if (!ALLOWED_ORIGINS.has(request.headers.origin)) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
}

fastify.register(async function telemetry(app) {
  // ok: missing-origin-check -- token in the query string
  app.get('/telemetry', { websocket: true }, (socket, req) => { // ok: missing-upgrade-auth -- the hook below is in the same context; Fastify applies it at ready time
    socket.on('message', (frame) => req.log.info({ bytes: frame.length }, 'telemetry frame'));
  });

  // Fastify builds each route's hooks when the app is ready, so this hook runs for /telemetry too
  app.addHook('onRequest', (request, reply, done) => {
    const token = new URL(request.url, 'http://localhost').searchParams.get('token');
    jwtVerify(token, jwks)
      .then(({ payload }) => {
        request.device = payload.sub;
        done();
      })
      .catch(() => done(new Error('Unauthorized')));
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

fastify.register(async function diagnostics(app) {
  // expect: missing-upgrade-auth
  app.get('/diagnostics', { onRequest: checkWsOrigin, websocket: true, preValidation: authenticateWs }, (socket) => { // expect: missing-origin-check
    socket.send(JSON.stringify({ pid: process.pid, memory: process.memoryUsage() }));
  });
});

fastify.listen({ port: 9000 });
