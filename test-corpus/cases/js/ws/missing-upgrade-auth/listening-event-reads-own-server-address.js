// Status relay for the dev dashboards; logs where it listens.
const { WebSocketServer } = require('ws');
// expect-no-fix: missing-upgrade-auth -- wss.address() and 'listening' need ws to own the HTTP server, which noServer removes
// expect: missing-upgrade-auth
// expect: missing-origin-check
const wss = new WebSocketServer({ port: 8081 });
wss.on('listening', () => console.log('ws up on', wss.address().port));
wss.on('connection', (ws) => ws.on('message', (m) => ws.send(m)));
