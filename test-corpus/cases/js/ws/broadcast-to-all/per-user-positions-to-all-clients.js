const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

// ok: missing-origin-check -- query-string token, nothing ambient
const wss = new WebSocketServer({ // ok: missing-upgrade-auth
  port: 8080,
  verifyClient: ({ req }) => {
    const token = new URL(req.url, 'http://localhost').searchParams.get('token');
    try {
      req.trader = jwt.verify(token, process.env.JWT_SECRET); // ok: unverified-token -- returns false on failure
      return true;
    } catch {
      return false;
    }
  },
});

wss.on('connection', (ws, req) => {
  ws.trader = req.trader;
  ws.send(JSON.stringify({ type: 'hello', trader: req.trader.sub }));
});

// risk screen refresh
setInterval(async () => {
  const positions = await db.query(
    'SELECT trader_id, account_no, symbol, qty, avg_price, unrealized_pnl FROM positions',
  );
  wss.clients.forEach((client) => {
    client.send(JSON.stringify({ type: 'positions', positions })); // expect: broadcast-to-all
  });
}, 1000);
