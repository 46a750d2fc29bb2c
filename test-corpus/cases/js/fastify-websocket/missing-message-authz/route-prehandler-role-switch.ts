import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { verify } from 'jsonwebtoken';
import { rooms } from './rooms';

type Claims = { sub: string; role: 'member' | 'moderator' };

const app = Fastify();
app.register(websocket);

function requireToken(request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) {
  const token = (request.headers.authorization ?? '').replace('Bearer ', '');
  try {
    (request as any).claims = verify(token, process.env.JWT_SECRET!) as Claims; // ok: unverified-token -- done(err) on failure
    done();
  } catch {
    done(new Error('Unauthorized'));
  }
}

app.register(async (instance) => {
  // ok: missing-origin-check -- Authorization header token
  instance.get('/rooms', { websocket: true, preHandler: requireToken }, (socket, request) => { // ok: missing-upgrade-auth -- preHandler verifies
    const claims = (request as any).claims as Claims;
    socket.on('message', async (raw) => {
      const msg = JSON.parse(raw.toString());
      switch (msg.action) {
        case 'deleteRoom': // expect: missing-message-authz
          await rooms.delete(msg.roomId);
          break;
        case 'kick': // ok: missing-message-authz -- moderators only
          if (claims.role !== 'moderator') return;
          await rooms.kick(msg.roomId, msg.userId);
          break;
        case 'say':
          await rooms.post(msg.roomId, claims.sub, String(msg.text));
          break;
      }
    });
  });
});

app.listen({ port: 3001 });
