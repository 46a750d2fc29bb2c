const express = require('express');
const session = require('express-session');
const expressWs = require('express-ws');
const { Orders } = require('./orders');

const app = express();
const { getWss } = expressWs(app);

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.use((req, res, next) => {
  if (!req.session.userId) {
    return res.status(401).end();
  }
  next();
});

// expect: missing-origin-check
app.ws('/dashboard', (ws, req) => { // ok: missing-upgrade-auth -- session checked by app middleware
  const userId = req.session.userId;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'cancel') { // todo-ok: missing-message-authz -- the user id goes as a second argument, which wsguard does not read as scoping
      await Orders.cancel(msg.orderId, userId);
    }
  });
  Orders.forUser(userId).then((orders) => ws.send(JSON.stringify(orders)));
});

app.listen(3001);
