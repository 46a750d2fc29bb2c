import uWS from 'uWebSockets.js';
import { authenticate } from './auth.js';
import { book, fills, ticker } from './exchange.js';

const app = uWS.App();

// ok: missing-origin-check -- Authorization header token
app.ws('/trade', { // ok: missing-upgrade-auth -- the imported helper verifies and its result is checked
  maxPayloadLength: 8 * 1024,
  upgrade: (res, req, context) => {
    const trader = authenticate(req.getHeader('authorization'));
    if (!trader) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade({ trader }, req.getHeader('sec-websocket-key'), req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'), context);
  },
  open: (ws) => {
    const { trader } = ws.getUserData();
    ws.subscribe('ticker');
    ws.subscribe(`fills/${trader.sub}`);
  },
  message: (ws, message) => {
    const { trader } = ws.getUserData();
    const order = JSON.parse(Buffer.from(message).toString());
    book.submit({ ...order, traderId: trader.sub });
  },
});

// Refuses every connection until it is wired to the app's own check of the credential it reads with
// req.getHeader() (before any await: uWS frees req when the upgrade handler returns): return the user, or
// null to refuse.
function authenticateUpgrade(req) {
  return null;
}

ticker.on('tick', (quote) => app.publish('ticker', JSON.stringify(quote))); // ok: broadcast-to-all -- public market ticker
fills.on('fill', (fill) => app.publish(`fills/${fill.traderId}`, JSON.stringify(fill))); // ok: broadcast-to-all -- the trader's own topic

// expect: missing-upgrade-auth
app.ws('/ticker', { // expect: missing-origin-check
  open: (ws) => ws.subscribe('ticker'),
  upgrade: (res, req, context) => {
    const user = authenticateUpgrade(req);
    if (!user) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade(
      { user },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      context,
    );
  },
});

app.listen(9100, () => {});
