// Shared whiteboard demo: every stroke is relayed to every open board.
const path = require('path');
const express = require('express');
const WebSocket = require('ws');

const app = express();
app.use(express.static(path.join(__dirname, 'public')));
const server = app.listen(3000);

// expect: missing-origin-check
const wss = new WebSocket.Server({ server }); // expect: missing-upgrade-auth

wss.on('connection', function connection(ws) {
  ws.isAlive = true;
  ws.on('pong', () => {
    ws.isAlive = true;
  });

  ws.on('message', function message(data, isBinary) {
    wss.clients.forEach(function each(client) {
      if (client.readyState === WebSocket.OPEN) {
        client.send(data, { binary: isBinary }); // expect: broadcast-to-all
      }
    });
  });
});

const heartbeat = setInterval(() => {
  wss.clients.forEach((ws) => {
    if (!ws.isAlive) return ws.terminate();
    ws.isAlive = false;
    ws.ping(); // ok: broadcast-to-all -- heartbeat ping carries no data
  });
}, 30000);

wss.on('close', () => clearInterval(heartbeat));
