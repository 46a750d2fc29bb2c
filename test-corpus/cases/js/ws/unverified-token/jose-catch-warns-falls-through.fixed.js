const http = require('http');
const cookie = require('cookie');
const { WebSocketServer } = require('ws');
const { jwtVerify, importSPKI } = require('jose');

const publicKeyPromise = importSPKI(process.env.AUTH_PUBLIC_PEM, 'RS256');
const server = http.createServer();

// expect: missing-upgrade-auth -- a failed verification still reaches handleUpgrade
// expect: missing-origin-check -- the token rides in a cookie (ambient) and any Origin is accepted
const wss = new WebSocketServer({ noServer: true });

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', async (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const { access_token: token } = cookie.parse(req.headers.cookie || '');
  let user = null;
  try {
    // expect: unverified-token -- the failure is only logged and the upgrade goes ahead
    const { payload } = await jwtVerify(token, await publicKeyPromise, { issuer: 'https://sso.example.com' });
    user = { id: payload.sub, tenant: payload.tid };
  } catch (err) {
    console.warn('ws: token verification failed', err.code);
  }

  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'ready', tenant: ws.user ? ws.user.tenant : null }));
});

server.listen(8082);
