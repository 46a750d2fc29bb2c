const express = require('express');
const { positions } = require('../positions');

const router = express.Router();

// ok: missing-origin-check -- bearer token checked by the app middleware in server.js
router.ws('/positions', (ws, req) => { // ok: missing-upgrade-auth -- app middleware before the mount verifies
  const unsubscribe = positions.watch(req.claims.sub, (update) => ws.send(JSON.stringify(update)));
  ws.on('close', unsubscribe);
});

module.exports = router;
