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
  })
  .listen(port, (socket) => {
    if (!socket) process.exit(1);
  });
