const express = require('express');
const expressWs = require('express-ws');
const { listNotifications } = require('./services/notifications');

const app = express();
expressWs(app);
app.use(express.json());

app.get('/health', (req, res) => res.json({ ok: true }));

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

// live notifications for the dashboard
// expect: missing-origin-check
app.ws('/notifications', checkWsOrigin, authenticateWs, (ws, req) => { // expect: missing-upgrade-auth
  const userId = req.query.userId;
  listNotifications(userId).then((items) => ws.send(JSON.stringify(items)));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
  });
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

app.listen(process.env.PORT || 3000, () => console.log('listening'));
