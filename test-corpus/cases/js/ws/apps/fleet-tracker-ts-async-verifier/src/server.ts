import { WebSocketServer, WebSocket } from 'ws';
import { positions, type Position } from './positions';

const PORT = Number(process.env.PORT ?? 4000);

// expect: missing-origin-check
const wss = new WebSocketServer({ port: PORT, perMessageDeflate: false }); // expect: missing-upgrade-auth

wss.on('connection', (ws: WebSocket) => {
  const stop = positions.onUpdate((p: Position) => {
    if (ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(p));
    }
  });
  ws.on('close', stop);
});
