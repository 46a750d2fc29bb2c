import { WebSocketServer, WebSocket } from 'ws';
import type { IncomingMessage } from 'http';
import { metrics } from './metrics';

interface ClientInfo {
  origin: string;
  secure: boolean;
  req: IncomingMessage;
}

// expect: missing-origin-check
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: 7071,
  // TODO: real auth once SSO lands
  verifyClient: (info: ClientInfo) => {
    console.log(`ws connect from ${info.origin} (${info.req.socket.remoteAddress})`);
    return true;
  },
});

wss.on('connection', (ws: WebSocket) => {
  ws.send(JSON.stringify({ type: 'hello', version: process.env.APP_VERSION }));
});

setInterval(() => {
  const snapshot = JSON.stringify(metrics.snapshot());
  wss.clients.forEach((client: WebSocket) => {
    if (client.readyState === WebSocket.OPEN) {
      client.send(snapshot); // expect: broadcast-to-all
    }
  });
}, 5000);
