const WebSocket = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

const APP_ORIGIN = 'https://app.example.io';

// ok: missing-origin-check -- verifyClient pins the app origin
const wss = new WebSocket.Server({ // expect: missing-upgrade-auth
  port: 8787,
  verifyClient: (info) => info.origin === APP_ORIGIN,
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);

    if (msg.type === 'auth') {
      try {
        ws.user = jwt.verify(msg.token, process.env.JWT_SECRET); // ok: unverified-token -- catch closes
        ws.send(JSON.stringify({ type: 'auth-ok' }));
      } catch (e) {
        ws.close(4401, 'bad token');
      }
      return;
    }

    // everything below runs whether or not 'auth' ever arrived
    switch (msg.type) {
      case 'history':
        ws.send(JSON.stringify(await db.messages.recent(msg.channel, 50)));
        break;
      case 'set-status': // expect: missing-message-authz
        await db.users.update(msg.userId, { status: msg.status });
        break;
    }
  });
});
