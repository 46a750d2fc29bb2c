const uWS = require('uWebSockets.js');
const jwt = require('jsonwebtoken');

const SECRET = process.env.GAME_SECRET;

const app = uWS.App();

// ok: missing-origin-check -- token in the query string
app.ws('/game', { // ok: missing-upgrade-auth -- upgrade verifies
  maxPayloadLength: 16 * 1024,
  idleTimeout: 60,
  upgrade: (res, req, context) => {
    const params = new URLSearchParams(req.getQuery());
    let player;
    try {
      player = jwt.verify(params.get('token'), SECRET); // ok: unverified-token -- the catch answers 401
    } catch (e) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade(
      { player },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      context,
    );
  },
  open: (ws) => {
    const { player } = ws.getUserData();
    ws.subscribe('lobby');
    ws.subscribe(`player/${player.sub}`);
  },
  message: (ws, message) => {
    const { player } = ws.getUserData();
    const move = JSON.parse(Buffer.from(message).toString());
    app.publish('lobby', JSON.stringify({ from: player.name, move })); // ok: broadcast-to-all -- game moves relayed on an authenticated server
  },
});

app.listen(9001, () => {});
