// Live metrics for the ops dashboard: each tab subscribes to the series it charts.
const { WebSocketServer } = require('ws');
const metrics = require('./metrics');

// expect: missing-origin-check
const wss = new WebSocketServer({ port: 8081 }); // expect: missing-upgrade-auth

wss.on('connection', (ws) => {
  const subscriptions = new Map();

  ws.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (msg.type === 'subscribe' && !subscriptions.has(msg.series)) {
      subscriptions.set(msg.series, metrics.watch(msg.series, (point) => {
        ws.send(JSON.stringify({ type: 'point', series: msg.series, point }));
      }));
    } else if (msg.type === 'unsubscribe') {
      const stop = subscriptions.get(msg.series);
      if (stop) {
        stop();
        subscriptions.delete(msg.series);
      }
    }
  });

  ws.on('close', () => {
    for (const stop of subscriptions.values()) {
      stop();
    }
  });
});
