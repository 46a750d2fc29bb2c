import { WebSocketServer, WebSocket } from 'ws';
import { parse as parseCookie } from 'cookie';
import jwt from 'jsonwebtoken';
import type { IncomingMessage } from 'http';
import { inbox } from './inbox';

interface MailSession {
  uid: string;
  mailbox: string;
}

const TRUSTED_ORIGINS = ['https://mail.example.com', 'https://beta.mail.example.com'];
const sessionOf = new WeakMap<IncomingMessage, MailSession>();

// ok: missing-origin-check -- verifyClient checks the origin allow-list
const wss = new WebSocketServer({ // ok: missing-upgrade-auth -- cookie session JWT verified in verifyClient
  port: 8080,
  verifyClient: (info: { origin: string; req: IncomingMessage }) => {
    if (!TRUSTED_ORIGINS.includes(info.origin)) return false;
    const token = parseCookie(info.req.headers.cookie ?? '').mail_session ?? '';
    try {
      sessionOf.set(info.req, jwt.verify(token, process.env.SESSION_KEY as string) as MailSession); // ok: unverified-token -- returns false on failure
      return true;
    } catch {
      return false;
    }
  },
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const session = sessionOf.get(req)!;
  const stop = inbox.watch(session.mailbox, (mail: unknown) => ws.send(JSON.stringify({ type: 'mail', mail })));
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      case 'delete-mail': { // ok: missing-message-authz -- mailbox ownership checked
        const mail = await inbox.get(msg.id);
        if (!mail || mail.mailbox !== session.mailbox) return;
        await inbox.remove(mail.id);
        break;
      }
    }
  });
  ws.on('close', stop);
});
