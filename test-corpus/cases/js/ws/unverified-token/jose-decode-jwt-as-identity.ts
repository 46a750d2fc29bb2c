import { WebSocketServer, WebSocket, RawData } from 'ws';
import { decodeJwt } from 'jose';
import type { IncomingMessage } from 'http';
import { tickets } from './tickets';

type Agent = { id: string; role: 'agent' | 'lead' };

const ORIGINS = new Set(['https://helpdesk.example.com']);
const agents = new WeakMap<IncomingMessage, Agent>();

// ok: missing-origin-check -- origin allow-list in verifyClient
const wss = new WebSocketServer({ // expect: missing-upgrade-auth
  port: 8600,
  verifyClient: (info: { origin: string; req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
    if (!ORIGINS.has(info.origin)) return done(false, 403);
    const token = new URL(info.req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (!token) return done(false, 401);
    const claims = decodeJwt(token); // expect: unverified-token
    agents.set(info.req, { id: String(claims.sub), role: claims.role === 'lead' ? 'lead' : 'agent' });
    done(true);
  },
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const agent = agents.get(req)!;
  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      case 'close-ticket': { // ok: missing-message-authz -- lead or assignee only
        const ticket = await tickets.get(msg.ticketId);
        if (!ticket || (agent.role !== 'lead' && ticket.assigneeId !== agent.id)) return;
        await tickets.close(ticket.id);
        break;
      }
    }
  });
});
