import { WebSocketServer, WebSocket } from 'ws';
import jwt from 'jsonwebtoken';
import { ledger } from './ledger';

interface Trader {
  sub: string;
  desk: string;
}

// ok: missing-origin-check -- token carried in the first message
const wss = new WebSocketServer({ port: 9100 }); // ok: missing-upgrade-auth -- first message must verify before any handler exists

wss.on('connection', (ws: WebSocket) => {
  ws.once('message', (first) => {
    let trader: Trader;
    try {
      const { type, token } = JSON.parse(first.toString());
      if (type !== 'auth') throw new Error('expected auth');
      trader = jwt.verify(token, process.env.DESK_SECRET as string) as Trader; // ok: unverified-token -- catch closes
    } catch {
      ws.close(4401, 'unauthorized');
      return;
    }
    ws.send(JSON.stringify({ type: 'authed', desk: trader.desk }));
    ws.on('message', (raw) => handle(ws, trader, JSON.parse(raw.toString())));
  });
});

async function handle(ws: WebSocket, trader: Trader, msg: any) {
  switch (msg.type) {
    case 'quote':
      ws.send(JSON.stringify(await ledger.quote(msg.symbol)));
      break;
    case 'transfer': { // ok: missing-message-authz -- source account ownership checked
      const from = await ledger.account(msg.fromAccount);
      if (!from || from.ownerId !== trader.sub) {
        ws.send(JSON.stringify({ type: 'error', error: 'not your account' }));
        return;
      }
      await ledger.transfer(from.id, msg.toAccount, msg.amount);
      break;
    }
    case 'cancel-order': { // ok: missing-message-authz -- order owner checked
      const order = await ledger.order(msg.orderId);
      if (!order || order.traderId !== trader.sub) return;
      await ledger.cancel(order.id);
      break;
    }
  }
}
