import uWS from 'uWebSockets.js';

const port = Number(process.env.PORT ?? 9001);

uWS.App()
  // expect: missing-upgrade-auth
  // expect: missing-origin-check
  // expect-no-fix: missing-origin-check -- no upgrade handler to check the Origin in: the authentication patch adds one, and the next run checks there
  .ws('/prices', {
    idleTimeout: 32,
    open: (ws) => {
      ws.subscribe('prices');
    },
    message: (ws, message) => {
      ws.send(message);
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
  })
  .listen(port, (socket) => {
    if (!socket) process.exit(1);
  });

// Refuses every connection until it is wired to the app's own check of the credential it reads with
// req.getHeader() (before any await: uWS frees req when the upgrade handler returns): return the user, or
// null to refuse.
function authenticateUpgrade(req: { getHeader(lowerCaseKey: string): string }): object | null {
  return null;
}
