'use strict';
const Fastify = require('fastify');

const app = Fastify({ logger: true });
app.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
app.register(require('@fastify/websocket'), { options: { maxPayload: 64 * 1024 } });

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

app.register(async function publicRoutes(instance) {
  // expect: missing-upgrade-auth
  instance.get('/status', { websocket: true }, (socket) => { // expect: missing-origin-check
    const timer = setInterval(() => socket.send(JSON.stringify({ up: process.uptime() })), 5000);
    socket.on('close', () => clearInterval(timer));
  });
});

app.listen({ port: 3000 });
