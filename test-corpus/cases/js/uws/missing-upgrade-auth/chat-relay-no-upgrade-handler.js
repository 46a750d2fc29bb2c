const uWS = require('uWebSockets.js');

const app = uWS.App();

// expect: missing-upgrade-auth
// expect: missing-origin-check
// expect-no-fix: missing-origin-check -- no upgrade handler to check the Origin in: the authentication patch adds one, and the next run checks there
app.ws('/*', {
  compression: uWS.SHARED_COMPRESSOR,
  maxPayloadLength: 16 * 1024,
  idleTimeout: 60,
  open: (ws) => {
    ws.subscribe('chat');
  },
  message: (ws, message, isBinary) => {
    ws.publish('chat', message, isBinary); // expect: broadcast-to-all
  },
});

app.listen(9001, (token) => {
  if (token) console.log('Listening to port 9001');
});
