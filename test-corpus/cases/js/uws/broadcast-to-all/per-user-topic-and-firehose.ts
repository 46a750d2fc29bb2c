import uWS from 'uWebSockets.js';
import jwt from 'jsonwebtoken';
import { portfolios, quotes } from './markets';

interface Session { userId: string }

function verifySessionToken(token: string): Session | null {
  try {
    const claims = jwt.verify(token, process.env.SESSION_KEY as string) as { sub: string }; // ok: unverified-token -- null on failure, and the caller checks it
    return { userId: claims.sub };
  } catch {
    return null;
  }
}

const app = uWS.App();

// ok: missing-origin-check -- token in the subprotocol header
app.ws<Session>('/portfolio', { // ok: missing-upgrade-auth -- the upgrade handler verifies and answers 401
  maxPayloadLength: 4 * 1024,
  upgrade: (res, req, context) => {
    const protocol = req.getHeader('sec-websocket-protocol');
    const session = verifySessionToken(protocol);
    if (!session) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade<Session>({ userId: session.userId }, req.getHeader('sec-websocket-key'), protocol,
      req.getHeader('sec-websocket-extensions'), context);
  },
  open: (ws) => {
    ws.subscribe('quotes');
    ws.subscribe(`user/${ws.getUserData().userId}`);
  },
});

portfolios.on('changed', (userId: string, positions: unknown) => {
  app.publish(`user/${userId}`, JSON.stringify({ type: 'positions', positions })); // ok: broadcast-to-all -- the user's own topic
});

portfolios.on('snapshot', (all: Record<string, unknown>) => {
  app.publish('quotes', JSON.stringify({ type: 'balances', all })); // expect: broadcast-to-all
});

quotes.on('tick', (quote: { symbol: string; price: number }) => {
  app.publish('quotes', JSON.stringify({ type: 'quote', ...quote })); // ok: broadcast-to-all -- public market quotes
});

app.listen(9001, () => {});
