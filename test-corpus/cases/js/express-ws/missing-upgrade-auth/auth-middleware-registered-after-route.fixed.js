const express = require('express');
const enableWs = require('express-ws');
const { verifySession } = require('./lib/sessions');

const app = express();
enableWs(app);

const rooms = new Map();

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Route middleware: a browser page from any other Origin is refused before the handler runs
function checkWsOrigin(ws, req, next) {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    ws.close(1008, 'Forbidden');
    return;
  }
  next();
}

// expect: missing-upgrade-auth
app.ws('/chat/:room', checkWsOrigin, authenticateWs, (ws, req) => { // expect: missing-origin-check
  const room = req.params.room;
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room).add(ws);
  ws.on('message', (text) => {
    for (const peer of rooms.get(room)) {
      peer.send(String(text));
    }
  });
  ws.on('close', () => rooms.get(room).delete(ws));
});

// express-ws calls route middleware as (ws, req, next) before the handler, which runs only on next()
function authenticateWs(ws, req, next) {
  const user = authenticateUpgrade(req);
  if (!user) {
    ws.close(1008, 'Unauthorized');
    return;
  }
  req.user = user;
  next();
}

// Refuses every connection until it is wired to the app's own check of the request's credential (its session
// cookie, or a token verified with the app's key): return the user, or null to refuse.
function authenticateUpgrade(req) {
  return null;
}

// registered after the route: express runs middleware in order, so the ws route above never sees it
app.use(async (req, res, next) => {
  const user = await verifySession(req.headers.cookie);
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
});

app.listen(8080);
