const express = require('express');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const log = require('./log');
const contacts = require('./contacts');

const app = express();
const server = app.listen(4000);

// ok: missing-origin-check -- origin pinned in the upgrade handler
const wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  if (req.headers.origin !== 'https://crm.example.com') {
    socket.destroy();
    return;
  }
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  let user = null;
  try {
    user = jwt.verify(token, process.env.JWT_SECRET); // expect: unverified-token
  } catch (err) {
    log.warn('ws token rejected: %s', err.message);
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = user;
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'update-contact': // expect: missing-message-authz
        await contacts.update(msg.contactId, msg.fields);
        ws.send(JSON.stringify({ type: 'saved', id: msg.contactId }));
        break;
    }
  });
});
