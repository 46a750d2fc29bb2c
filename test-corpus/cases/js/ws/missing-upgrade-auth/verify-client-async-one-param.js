const http = require('http');
const { WebSocketServer } = require('ws');
const { jwtVerify } = require('jose');

const secret = new TextEncoder().encode(process.env.WS_JWT_SECRET);
const ALLOWED_ORIGINS = new Set(['https://dashboard.example.com']);

const server = http.createServer();

// ws calls a one-parameter verifyClient synchronously and tests its return value:
// an async function returns a Promise, which is truthy, so every upgrade is accepted.
// expect: missing-upgrade-auth -- async verifyClient with one parameter never rejects
// expect: missing-origin-check -- the Origin test is inside the same async function, so any Origin gets in
const wss = new WebSocketServer({
  server,
  path: '/orders',
  verifyClient: async ({ origin, req }) => {
    if (!ALLOWED_ORIGINS.has(origin)) return false;
    const token = new URL(req.url, 'http://localhost').searchParams.get('access_token');
    if (!token) return false;
    try {
      // ok: unverified-token -- the signature is checked and the catch returns false (ws ignores it: missing-upgrade-auth)
      const { payload } = await jwtVerify(token, secret, { issuer: 'https://auth.example.com' });
      req.user = { id: payload.sub, scopes: String(payload.scope || '').split(' ') };
      return true;
    } catch {
      return false;
    }
  },
});

wss.on('connection', (ws, req) => {
  ws.on('message', async (raw) => {
    const { type, payload } = JSON.parse(raw);
    if (type === 'order:cancel') { // ok: missing-message-authz -- scope check on the connection's user
      if (!req.user.scopes.includes('orders:write')) {
        ws.send(JSON.stringify({ type: 'error', code: 'forbidden' }));
        return;
      }
      await cancelOrder(payload.orderId, req.user.id);
      ws.send(JSON.stringify({ type: 'order:cancelled', orderId: payload.orderId }));
    }
  });
});

async function cancelOrder(orderId, actorId) {
  return { orderId, actorId };
}

server.listen(8081);
