const https = require('https');
const fs = require('fs');
const WebSocket = require('ws');
const cookie = require('cookie');
const jwt = require('jsonwebtoken');
const notifications = require('./notifications');

const server = https.createServer({
  cert: fs.readFileSync('certs/server.crt'),
  key: fs.readFileSync('certs/server.key'),
});

// expect: missing-origin-check
const wss = new WebSocket.Server({ // ok: missing-upgrade-auth -- verifyClient verifies the cookie JWT
  server,
  verifyClient: (info, cb) => {
    const { access_token: token } = cookie.parse(info.req.headers.cookie || '');
    if (!token) return cb(false, 401, 'Unauthorized');
    jwt.verify(token, process.env.JWT_SECRET, (err, claims) => { // ok: unverified-token -- cb(false) on error
      if (err) return cb(false, 401, 'Unauthorized');
      info.req.user = claims;
      cb(true);
    });
  },
});

wss.on('connection', (ws, req) => {
  const unsubscribe = notifications.subscribe(req.user.sub, (n) => ws.send(JSON.stringify(n)));
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'mark-read': // ok: missing-message-authz -- only the caller's own notifications
        await notifications.markRead(req.user.sub, msg.ids);
        break;
    }
  });
  ws.on('close', unsubscribe);
});

server.listen(443);
