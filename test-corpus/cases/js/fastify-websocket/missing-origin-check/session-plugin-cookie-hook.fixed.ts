import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import websocket from '@fastify/websocket';
import { loadCart } from './carts';

const app = Fastify();
app.register(fastifyCookie);
app.register(fastifySession, { secret: process.env.SESSION_SECRET as string, cookie: { secure: true } });
app.register(websocket);

const TRUSTED = ['https://shop.example.com'];

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Fastify runs onRequest before @fastify/websocket upgrades the request: any other Origin gets 403
async function checkWsOrigin(
  request: { headers: import('http').IncomingHttpHeaders },
  reply: { code(statusCode: number): { send(payload?: unknown): unknown } },
): Promise<unknown> {
  if (!ALLOWED_ORIGINS.has(request.headers.origin ?? '')) {
    return reply.code(403).send({ error: 'Forbidden' });
  }
  return undefined;
}

app.register(async (shop) => {
  shop.addHook('onRequest', async (request, reply) => {
    if (!request.session.customerId) {
      return reply.code(401).send({ error: 'sign in first' });
    }
  });

  // expect: missing-origin-check
  shop.get('/cart/live', { onRequest: checkWsOrigin, websocket: true }, (socket, request) => { // ok: missing-upgrade-auth -- session checked by the onRequest hook
    loadCart(request.session.customerId).then((cart) => socket.send(JSON.stringify(cart)));
  });

  shop.get(
    '/cart/checkout',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!TRUSTED.includes(request.headers.origin ?? '')) {
          await reply.code(403).send();
        }
      },
    },
    // ok: missing-origin-check -- foreign Origins are refused before the upgrade
    (socket, request) => { // ok: missing-upgrade-auth -- session checked by the onRequest hook
      socket.on('message', (raw) => socket.send(JSON.stringify({ echo: raw.toString().slice(0, 200) })));
    },
  );
});

app.listen({ port: 3000 });
