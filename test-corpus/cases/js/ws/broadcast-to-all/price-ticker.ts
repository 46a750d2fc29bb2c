import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
import { WebSocketServer, WebSocket } from 'ws';
import { MarketFeed, Tick } from './market-feed';

const server = createServer();
const feed = new MarketFeed(process.env.FEED_URL!);

// ok: missing-upgrade-auth -- query token verified, upgrade refused on failure
// ok: missing-origin-check -- explicit query token, no ambient credential
const wss = new WebSocketServer({
  server,
  verifyClient: (info, cb) => {
    const token = new URL(info.req.url ?? '/', 'http://x').searchParams.get('token') ?? '';
    jwt.verify(token, process.env.JWT_SECRET!, (err) => {
      if (err) return cb(false, 401);
      cb(true);
    });
  },
});

feed.on('tick', ({ symbol, last }: Tick) => {
  const frame = JSON.stringify({ type: 'price', symbol, last });
  for (const client of wss.clients) {
    if (client.readyState !== WebSocket.OPEN) continue;
    client.send(frame); // todo-ok: broadcast-to-all -- public market price; symbol and last come from a feed event wsguard cannot classify, so it reports with medium confidence
  }
});

wss.on('connection', (ws) => {
  // ok: missing-message-authz -- plain chat relay, nothing privileged
  ws.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      // ok: broadcast-to-all -- relay of the incoming message on an authenticated endpoint
      if (client !== ws && client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});

server.listen(8443);
