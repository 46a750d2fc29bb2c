'use strict';
const fastify = require('fastify')({ logger: true });
const { createRemoteJWKSet, jwtVerify } = require('jose');

const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URL));

fastify.register(require('@fastify/websocket'));

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

fastify.register(async function diagnostics(app) {
  // expect: missing-upgrade-auth
  app.get('/diagnostics', { websocket: true }, (socket) => { // expect: missing-origin-check
    socket.send(JSON.stringify({ pid: process.pid, memory: process.memoryUsage() }));
  });
});

fastify.listen({ port: 9000 });
