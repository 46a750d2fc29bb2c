import { createServer, IncomingMessage } from 'http';
import { WebSocketServer, WebSocket, RawData } from 'ws';
import { verifyToken, Editor } from './auth';
import { documents } from './documents';

const server = createServer();
const editorOf = new WeakMap<IncomingMessage, Editor>();

// ok: missing-origin-check -- token in the query string
const wss = new WebSocketServer({ // ok: missing-upgrade-auth -- verifyToken from ./auth verifies the signature
  server,
  path: '/collab',
  verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
    const token = new URL(info.req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    try {
      editorOf.set(info.req, verifyToken(token));
      done(true);
    } catch {
      done(false, 401);
    }
  },
});

wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
  const editor = editorOf.get(req)!;
  ws.on('message', async (raw: RawData) => {
    const msg = JSON.parse(raw.toString());
    switch (msg.type) {
      case 'edit': { // ok: missing-message-authz -- document must belong to the editor's org
        const doc = await documents.get(msg.docId);
        if (!doc || doc.orgId !== editor.orgId) return;
        await documents.applyPatch(doc.id, msg.patch, editor.id);
        break;
      }
      case 'share': // expect: missing-message-authz
        await documents.grant(msg.docId, msg.userId, msg.role);
        break;
      case 'delete': // expect: missing-message-authz
        await documents.remove(msg.docId);
        break;
    }
  });
});

server.listen(4000);
