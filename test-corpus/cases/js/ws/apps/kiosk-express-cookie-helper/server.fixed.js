// The kiosk's upgrade request never passes through cookie-parser, so the Express guard in ./auth cannot serve it.
const express = require('express');
const cookieParser = require('cookie-parser');
const { WebSocketServer } = require('ws');
const authenticate = require('./auth');
const http = require('http');

const app = express();
app.use(cookieParser());
app.get('/api/me', (req, res) => {
  const user = authenticate(req);
  return user ? res.json(user) : res.sendStatus(401);
});
app.listen(3000);

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

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
httpServer.listen(3001);

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}
wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'ready' }));
});
