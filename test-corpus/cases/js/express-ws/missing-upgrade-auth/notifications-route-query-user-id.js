const express = require('express');
const expressWs = require('express-ws');
const { listNotifications } = require('./services/notifications');

const app = express();
expressWs(app);
app.use(express.json());

app.get('/health', (req, res) => res.json({ ok: true }));

// live notifications for the dashboard
// expect: missing-origin-check
app.ws('/notifications', (ws, req) => { // expect: missing-upgrade-auth
  const userId = req.query.userId;
  listNotifications(userId).then((items) => ws.send(JSON.stringify(items)));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
  });
});

app.listen(process.env.PORT || 3000, () => console.log('listening'));
