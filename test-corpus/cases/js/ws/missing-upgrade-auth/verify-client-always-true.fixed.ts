import { WebSocketServer, WebSocket } from 'ws';
import type { IncomingMessage } from 'http';
import { metrics } from './metrics';
import * as http from 'http';

interface ClientInfo {
  origin: string;
  secure: boolean;
  req: IncomingMessage;
}

// expect: missing-origin-check
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  noServer: true,
  // TODO: real auth once SSO lands
  verifyClient: (info: ClientInfo) => {
    console.log(`ws connect from ${info.origin} (${info.req.socket.remoteAddress})`);
    return true;
  },
});

const httpServer = http.createServer((req, res) => res.writeHead(426).end());
httpServer.on('upgrade', (request, socket, head) => {
  const user = authenticateUpgrade(request);
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});
httpServer.listen(7071);

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request: http.IncomingMessage): object | null {
  return null;
}

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
