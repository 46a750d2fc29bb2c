// Dev helper: lets the design tools on the office LAN share cursor and selection updates.
const { WebSocketServer } = require('ws');
const os = require('os');

const PORT = Number(process.env.SYNC_PORT) || 4455;

// expect: missing-upgrade-auth -- nobody is authenticated
// expect: missing-origin-check -- no auth, any Origin: any web page a LAN user opens can join (warning)
const wss = new WebSocketServer({ host: '0.0.0.0', port: PORT, maxPayload: 256 * 1024 });

wss.on('connection', function connection(ws, req) {
  ws.peer = req.socket.remoteAddress;

  ws.on('message', function message(data, isBinary) {
    wss.clients.forEach(function each(client) {
      if (client !== ws && client.readyState === 1) {
        client.send(data, { binary: isBinary }); // expect: broadcast-to-all -- relay to every connection of an unauthenticated endpoint
      }
    });
  });

  ws.send(JSON.stringify({ type: 'welcome', host: os.hostname(), peers: wss.clients.size }));
});

console.log(`sync relay listening on :${PORT}`);
