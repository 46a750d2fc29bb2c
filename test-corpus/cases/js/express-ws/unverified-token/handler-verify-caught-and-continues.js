const express = require('express');
const expressWs = require('express-ws');
const jwt = require('jsonwebtoken');

const app = express();
const { getWss } = expressWs(app);

// expect: missing-upgrade-auth
app.ws('/alerts', (ws, req) => { // expect: missing-origin-check
  let account = { id: 'guest', plan: 'free' };
  try {
    // expect-no-fix: unverified-token -- the token is verified but a failure is caught and the code carries on: where to refuse is the app's control flow
    account = jwt.verify(req.query.token, process.env.JWT_SECRET); // expect: unverified-token
  } catch (err) {
    console.warn('alerts: invalid token, continuing as guest', err.message);
  }
  ws.send(JSON.stringify({ type: 'hello', plan: account.plan }));
});

setInterval(() => {
  const status = { type: 'status', at: Date.now(), healthy: true };
  getWss().clients.forEach((c) => c.send(JSON.stringify(status))); // ok: broadcast-to-all -- a public heartbeat
}, 30000);

app.listen(3002);
