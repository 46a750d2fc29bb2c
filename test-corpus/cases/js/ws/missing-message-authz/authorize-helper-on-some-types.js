// Store back-office: POS terminals and the pricing team share one socket.
const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const { authorize } = require('./policy');
const catalog = require('./catalog');

function checkBearer(info, cb) {
  const [, token] = (info.req.headers.authorization || '').split(' ');
  jwt.verify(token || '', process.env.POS_SECRET, { audience: 'pos' }, (err, claims) => { // ok: unverified-token -- cb(false) on error
    if (err) return cb(false, 401);
    info.req.staff = claims;
    cb(true);
  });
}

const server = http.createServer();

// ok: missing-origin-check -- Authorization header from the terminals
const wss = new WebSocketServer({ server, verifyClient: checkBearer }); // ok: missing-upgrade-auth

wss.on('connection', (ws, req) => {
  const staff = req.staff;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'lookup':
        ws.send(JSON.stringify(await catalog.find(msg.sku)));
        break;
      case 'update-price': // ok: missing-message-authz -- authorize() checks price:write
        if (!authorize(staff, 'price:write')) return ws.send(JSON.stringify({ error: 'forbidden' }));
        await catalog.setPrice(msg.sku, msg.price);
        break;
      case 'delete-product': // expect: missing-message-authz
        await catalog.remove(msg.sku);
        break;
    }
  });
});

server.listen(7000);
