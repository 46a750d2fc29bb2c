const { WebSocket } = require('ws');

const sockets = new Map(); // userId -> WebSocket (latest tab wins)

function register(userId, ws) {
  sockets.get(userId)?.close(4000, 'replaced by a newer connection');
  sockets.set(userId, ws);
  ws.on('close', () => {
    if (sockets.get(userId) === ws) sockets.delete(userId);
  });
}

function sendToUser(userId, event) {
  sockets.get(userId)?.send(JSON.stringify(event));
}

function broadcastStoreStatus(open) {
  const data = JSON.stringify({ type: 'storeStatus', open: Boolean(open) });
  for (const ws of sockets.values()) {
    if (ws.readyState === WebSocket.OPEN) ws.send(data); // ok: broadcast-to-all -- public open/closed flag
  }
}

module.exports = { register, sendToUser, broadcastStoreStatus };
