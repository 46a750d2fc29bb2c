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

// expect: missing-origin-check -- the token check fails open
fastify.get('/trade', { websocket: true }, (connection, req) => { // expect: missing-upgrade-auth
  connection.socket.on('message', async (raw) => { // todo-expect: missing-message-authz -- orders.place is not a privileged verb wsguard knows
    const order = JSON.parse(raw);
    await req.server.orders.place(order.accountId, order.symbol, order.qty);
    connection.socket.send(JSON.stringify({ ok: true }));
  });
});

fastify.listen({ port: 4000 });
