// Shared realtime helper: each service starts its own socket server.
const { WebSocketServer } = require('ws');

function startRealtime(port) {
  // expect-no-fix: missing-upgrade-auth -- built inside a function: where the HTTP server should live is the caller's call
  // expect-no-fix: missing-origin-check -- same: the options belong to the factory's callers
  // expect: missing-upgrade-auth
  // expect: missing-origin-check
  const wss = new WebSocketServer({ port });
  wss.on('connection', (ws) => ws.send(JSON.stringify({ ready: true })));
  return wss;
}

module.exports = { startRealtime };
