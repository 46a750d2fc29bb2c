const express = require('express');
const os = require('os');

const router = express.Router();

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
router.ws('/feed', checkWsOrigin, authenticateWs, (ws) => { // expect: missing-origin-check
  const timer = setInterval(() => ws.send(JSON.stringify({ load: os.loadavg()[0] })), 2000);
  ws.on('close', () => clearInterval(timer));
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

module.exports = router;
