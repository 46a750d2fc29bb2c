// Status relay for the dev dashboards; logs where it listens.
const { WebSocketServer } = require('ws');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect-no-fix: missing-upgrade-auth -- wss.address() and 'listening' need ws to own the HTTP server, which noServer removes
// expect: missing-upgrade-auth
// expect: missing-origin-check
const wss = new WebSocketServer({ port: 8081, verifyClient: verifyOrigin });
wss.on('listening', () => console.log('ws up on', wss.address().port));
wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));
