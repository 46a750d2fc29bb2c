import { createServer, IncomingMessage } from 'http';
import { WebSocketServer, WebSocket } from 'ws';
import jwt from 'jsonwebtoken';
import { marketData } from './market';

const SYMBOLS = ['BTC-USD', 'ETH-USD', 'SOL-USD'];
const server = createServer();

// ok: missing-origin-check -- token from the query string
const wss = new WebSocketServer({ // ok: missing-upgrade-auth
  server,
  verifyClient: (info: { req: IncomingMessage }, cb: (ok: boolean, code?: number) => void) => {
    const token = new URL(info.req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    jwt.verify(token, process.env.JWT_SECRET as string, (err) => cb(!err, 401)); // ok: unverified-token -- cb(false) on error
  },
});

setInterval(() => {
  const prices = marketData.latest(SYMBOLS).map((q) => ({
    symbol: q.symbol,
    bid: q.bid,
    ask: q.ask,
    ts: q.ts,
  }));
  const frame = JSON.stringify({ type: 'tick', prices });
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(frame); // ok: broadcast-to-all -- public market quotes
  }
}, 250);

server.listen(8080);
