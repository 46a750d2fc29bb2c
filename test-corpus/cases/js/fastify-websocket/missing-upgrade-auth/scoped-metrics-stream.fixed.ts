import Fastify, { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';

const app: FastifyInstance = Fastify();
app.register(websocket, { options: { maxPayload: 64 * 1024 } });

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

app.register(async (scope) => {
  // expect: missing-upgrade-auth
  // expect: missing-origin-check
  scope.get('/metrics/stream', { onRequest: checkWsOrigin, websocket: true, preValidation: authenticateWs }, (socket) => {
    const timer = setInterval(() => socket.send(JSON.stringify({ load: process.cpuUsage() })), 1000);
    socket.on('close', () => clearInterval(timer));
  });
});

// Fastify runs preValidation before @fastify/websocket upgrades: replying here refuses the connection
async function authenticateWs(
  request: { headers: import('http').IncomingHttpHeaders; raw: import('http').IncomingMessage; user?: unknown },
  reply: { code(statusCode: number): { send(payload?: unknown): unknown } },
): Promise<unknown> {
  const user = authenticateUpgrade(request);
  if (!user) {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
  request.user = user;
  return undefined;
}

// Refuses every connection until it is wired to the app's own check of the request's credential (its session
// cookie, or a token verified with the app's key): return the user, or null to refuse.
function authenticateUpgrade(
  request: { headers: import('http').IncomingHttpHeaders; raw: import('http').IncomingMessage; user?: unknown },
): object | null {
  return null;
}

app.listen({ port: 4000 });
