'use strict';
const express = require('express');
const jwt = require('jsonwebtoken');
const { boards } = require('./boards');

const app = express();
require('express-ws')(app);

// browsers cannot set headers on a WebSocket, so the client sends its token as the first message
// ok: missing-origin-check -- first-message token
app.ws('/boards/:id', (ws, req) => { // ok: missing-upgrade-auth -- the auth message gates every other message
  let user = null;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (!user) {
      if (msg.type !== 'auth') {
        ws.close(4401, 'authenticate first');
        return;
      }
      try {
        user = jwt.verify(msg.token, process.env.JWT_SECRET); // ok: unverified-token -- the catch closes the socket
      } catch (err) {
        ws.close(4401, 'bad token');
        return;
      }
      ws.send(JSON.stringify({ type: 'ready' }));
      return;
    }
    if (msg.type === 'moveCard') { // expect: missing-message-authz -- any signed-in user can move any card of any board
      await boards.moveCard(req.params.id, msg.cardId, msg.column, user.sub);
    }
  });
});

app.listen(process.env.PORT || 3000);
