const express = require('express');
const os = require('os');

const router = express.Router();

// expect: missing-upgrade-auth
router.ws('/feed', (ws) => { // expect: missing-origin-check
  const timer = setInterval(() => ws.send(JSON.stringify({ load: os.loadavg()[0] })), 2000);
  ws.on('close', () => clearInterval(timer));
});

module.exports = router;
