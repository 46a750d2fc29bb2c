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
  upgrade: (res, req, context) => {
    const user = authenticateUpgrade(req);
    if (!user) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade(
      { user },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      context,
    );
  },
});

// Refuses every connection until it is wired to the app's own check of the credential it reads with
// req.getHeader() (before any await: uWS frees req when the upgrade handler returns): return the user, or
// null to refuse.
function authenticateUpgrade(req) {
  return null;
}

app.listen(9001, (token) => {
  if (token) console.log('Listening to port 9001');
});
