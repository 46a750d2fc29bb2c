const http = require('http');
const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');

const server = http.createServer();

// ok: missing-origin-check -- token from the query string
const wss = new WebSocketServer({ server, path: '/chat' }); // ok: missing-upgrade-auth -- connection handler verifies and terminates first

wss.on('connection', (ws, req) => {
  let user;
  try {
    const token = new URL(req.url, 'http://localhost').searchParams.get('token');
    user = jwt.verify(token, process.env.CHAT_SECRET); // ok: unverified-token -- catch terminates
  } catch (err) {
    ws.terminate();
    return;
  }

  ws.on('message', (data) => {
    const text = String(data).slice(0, 2000);
    wss.clients.forEach((client) => {
      if (client.readyState === WebSocket.OPEN) {
        client.send(JSON.stringify({ from: user.name, text, at: Date.now() })); // ok: broadcast-to-all -- chat relay on an authenticated server
      }
    });
  });
});

server.listen(8080);
