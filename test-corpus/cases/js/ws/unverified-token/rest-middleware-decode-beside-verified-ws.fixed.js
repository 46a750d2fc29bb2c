const express = require('express');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const invoices = require('./invoices');

const SECRET = process.env.JWT_SECRET;
const app = express();

// the API gateway already checked the signature (it does not, for direct traffic)
app.use('/api', (req, res, next) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  req.user = verifiedClaims(token); // expect: unverified-token
  if (!req.user) return res.sendStatus(401);
  next();
});

app.get('/api/invoices', async (req, res) => {
  res.json(await invoices.forCustomer(req.user.customerId));
});

const server = app.listen(3000);

// ok: missing-origin-check -- query token, not a cookie
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  jwt.verify(token, SECRET, (err, claims) => { // ok: unverified-token -- error path answers 401
    if (err) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, claims));
  });
});

wss.on('connection', (ws, claims) => {
  const stop = invoices.onChange(claims.customerId, (invoice) => ws.send(JSON.stringify(invoice)));
  ws.on('close', stop);
});

// jwt.verify in place of decode: checks the signature and expiry, and gives null when they
// fail, as decode gives null for a malformed token
function verifiedClaims(token) {
  try {
    return jwt.verify(token, SECRET);
  } catch {
    return null;
  }
}
