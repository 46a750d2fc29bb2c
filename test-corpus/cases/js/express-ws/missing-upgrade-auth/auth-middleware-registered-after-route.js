const express = require('express');
const enableWs = require('express-ws');
const { verifySession } = require('./lib/sessions');

const app = express();
enableWs(app);

const rooms = new Map();

// expect: missing-upgrade-auth
app.ws('/chat/:room', (ws, req) => { // expect: missing-origin-check
  const room = req.params.room;
  if (!rooms.has(room)) rooms.set(room, new Set());
  rooms.get(room).add(ws);
  ws.on('message', (text) => {
    for (const peer of rooms.get(room)) {
      peer.send(String(text));
    }
  });
  ws.on('close', () => rooms.get(room).delete(ws));
});

// registered after the route: express runs middleware in order, so the ws route above never sees it
app.use(async (req, res, next) => {
  const user = await verifySession(req.headers.cookie);
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
});

app.listen(8080);
