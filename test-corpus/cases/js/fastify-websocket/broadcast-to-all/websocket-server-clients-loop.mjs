import Fastify from 'fastify';
import websocket from '@fastify/websocket';
import jwt from '@fastify/jwt';
import { sql } from './db.js';

const fastify = Fastify({ logger: true });
await fastify.register(jwt, { secret: process.env.JWT_SECRET });
await fastify.register(websocket, { options: { maxPayload: 1 << 16 } });

fastify.decorate('authenticate', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    reply.send(err);
  }
});

// ok: missing-origin-check -- Authorization header token
fastify.get('/desk', { websocket: true, onRequest: [fastify.authenticate] }, (socket, req) => { // ok: missing-upgrade-auth -- decorated onRequest hook verifies
  socket.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    if (msg.type === 'tickets') {
      const tickets = await sql`select id, customer_email, body from tickets where open`;
      for (const client of fastify.websocketServer.clients) {
        // expect-no-fix: broadcast-to-all -- which agents may see which customers' tickets is the app's call; no fail-closed edit exists
        client.send(JSON.stringify({ type: 'tickets', tickets })); // expect: broadcast-to-all
      }
    }
    if (msg.type === 'typing') {
      fastify.websocketServer.clients.forEach((client) => {
        if (client !== socket) {
          client.send(JSON.stringify({ type: 'typing', who: req.user.name })); // ok: broadcast-to-all -- presence on an authenticated endpoint
        }
      });
    }
  });
});

await fastify.listen({ port: 8080 });
