// fastify-websocket (before @fastify/websocket v8): the handler receives a stream whose .socket is the WebSocket
const fastify = require('fastify')();
const { Users } = require('./users');

fastify.register(require('fastify-jwt'), { secret: process.env.JWT_SECRET });
fastify.register(require('fastify-websocket'));

fastify.addHook('preValidation', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.code(401);
    throw err;
  }
  request.account = request.user;
});

// ok: missing-origin-check -- bearer token
fastify.get('/account', { websocket: true }, (connection, req) => { // ok: missing-upgrade-auth -- the preValidation hook verifies
  connection.socket.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    // expect-no-fix: missing-message-authz -- the app checks no role anywhere that a patch could reuse, and inventing one would guess
    if (msg.op === 'deleteUser') { // expect: missing-message-authz
      await Users.delete(msg.userId);
      connection.socket.send(JSON.stringify({ deleted: msg.userId }));
    }
    if (msg.op === 'updateProfile') { // ok: missing-message-authz -- updates the connection's own user
      await Users.update(req.account.id, { bio: String(msg.bio) });
    }
  });
});

fastify.listen({ port: 3000 });
