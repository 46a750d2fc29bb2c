// corpus: no-findings
'use strict';
const Fastify = require('fastify');
const { verifyAgentToken } = require('./lib/tokens');

const app = Fastify({ logger: true });

app.register(require('@fastify/websocket'), { options: { maxPayload: 256 * 1024 } });

// public widget for site visitors: registered before the agents' context and outside it
app.register(require('./routes/visitor'));

app.register(async function agents(instance) {
  instance.addHook('onRequest', async (request, reply) => {
    const claims = verifyAgentToken(request.headers.authorization?.slice('Bearer '.length));
    if (!claims) {
      return reply.code(401).send({ error: 'agents only' });
    }
    request.agent = claims;
  });
  instance.register(require('./routes/queue'));
});

app.listen({ port: 4000 });
