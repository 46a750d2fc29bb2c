const fastify = require('fastify')();
const jwt = require('jsonwebtoken');

fastify.register(require('@fastify/websocket'));

fastify.addHook('preHandler', async (request) => {
  try {
    // expect-no-fix: unverified-token -- the token is verified but a failure is caught and the code carries on: where to refuse is the app's control flow
    request.account = jwt.verify(request.headers['sec-websocket-protocol'], process.env.SECRET); // expect: unverified-token
  } catch (e) {
    request.log.warn({ e }, 'bad token, continuing as guest');
  }
});

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(request, reply) {
  if (!ALLOWED_ORIGINS.has(request.headers.origin)) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
}

// expect: missing-origin-check -- the token check fails open
fastify.get('/trade', { onRequest: checkWsOrigin, websocket: true }, (connection, req) => { // expect: missing-upgrade-auth
  connection.socket.on('message', async (raw) => { // todo-expect: missing-message-authz -- orders.place is not a privileged verb wsguard knows
    const order = JSON.parse(raw);
    await req.server.orders.place(order.accountId, order.symbol, order.qty);
    connection.socket.send(JSON.stringify({ ok: true }));
  });
});

fastify.listen({ port: 4000 });
