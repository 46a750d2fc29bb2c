import { WebSocketServer, WebSocket } from 'ws';
import { tokenFromRequest, selectProtocol, verifyToken, describeToken } from './auth.js';
import { handleMessage } from './handlers.js';

export function createRealtime(httpServer, store) {
  // ok: missing-upgrade-auth -- verifyToken (auth.js) throws on failure and the catch answers 401 before handleUpgrade
  // ok: missing-origin-check -- explicit token in the subprotocol header, no cookies
  const wss = new WebSocketServer({ noServer: true, handleProtocols: selectProtocol, maxPayload: 1 << 20 });

  httpServer.on('upgrade', (req, socket, head) => {
    if (!req.url.startsWith('/rt')) return;
    const token = tokenFromRequest(req);
    let user;
    try {
      user = verifyToken(token);
    } catch (err) {
      console.warn('ws upgrade rejected', err.message, describeToken(token));
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.user = user;
      wss.emit('connection', ws, req);
    });
  });

  wss.on('connection', (ws) => {
    ws.on('message', async (data, isBinary) => {
      let msg;
      try {
        msg = JSON.parse(data);
      } catch {
        return ws.close(1007, 'invalid json');
      }
      if (msg.type === 'chat') {
        for (const client of wss.clients) {
          if (client !== ws && client.readyState === WebSocket.OPEN) {
            client.send(data, { binary: isBinary }); // ok: broadcast-to-all -- chat relay on an authenticated endpoint
          }
        }
        return;
      }
      await handleMessage(wss, ws, msg, store);
    });
  });

  return wss;
}
