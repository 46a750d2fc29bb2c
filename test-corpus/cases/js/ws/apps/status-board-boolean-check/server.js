const WebSocket = require('ws');
const status = require('./status');

// expect: missing-origin-check
const wss = new WebSocket.Server({ port: 9300 }); // expect: missing-upgrade-auth

wss.on('connection', (ws) => {
  ws.send(JSON.stringify(status.current()));
  const unsubscribe = status.onChange((s) => ws.send(JSON.stringify(s)));
  ws.on('close', unsubscribe);
});
