import type { Request } from 'express';
import type { WebSocket } from 'ws';
import { tickets } from './store';

export function handleTicketFeed(ws: WebSocket, req: Request) {
  const queue = String(req.query.queue ?? 'general');
  const unsubscribe = tickets.watch(queue, (ticket) => {
    ws.send(JSON.stringify({ type: 'ticket', ticket })); // ok: broadcast-to-all -- to this connection only
  });
  ws.on('close', unsubscribe);
}
