import { WebSocketServer } from 'ws';
import { parse } from 'node:url';

const HEARTBEAT_MS = 30_000;

export function createRealtime(httpServer, { path = '/live' } = {}) {
  // expect: missing-upgrade-auth -- the upgrade handler only routes by path; destroy() on a wrong path is not auth
  // expect: missing-origin-check -- no authentication at all and any Origin (warning)
  const wss = new WebSocketServer({ noServer: true, clientTracking: true });

  httpServer.on('upgrade', (req, socket, head) => {
    const { pathname } = parse(req.url);
    if (pathname !== path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws) => {
    ws.isAlive = true;
    ws.on('pong', () => { ws.isAlive = true; });
    ws.send(JSON.stringify({ type: 'hello', heartbeat: HEARTBEAT_MS }));
  });

  const timer = setInterval(() => {
    const now = Date.now();
    for (const client of wss.clients) {
      if (!client.isAlive) {
        client.terminate();
        continue;
      }
      client.isAlive = false;
      client.ping();
      client.send(JSON.stringify({ type: 'tick', serverTime: now })); // ok: broadcast-to-all -- server clock only, public
    }
  }, HEARTBEAT_MS);

  wss.on('close', () => clearInterval(timer));
  return wss;
}
