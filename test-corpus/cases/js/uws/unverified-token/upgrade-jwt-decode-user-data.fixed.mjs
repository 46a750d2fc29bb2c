import uWS from 'uWebSockets.js';
import { jwtDecode } from 'jwt-decode';
import { db } from './db.js';

const app = uWS.App();

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// expect: missing-upgrade-auth
app.ws('/editor/*', { // expect: missing-origin-check
  idleTimeout: 120,
  upgrade(res, req, context) {
    if (!ALLOWED_ORIGINS.has(req.getHeader('origin'))) {
      res.writeStatus('403 Forbidden').end();
      return;
    }
    const token = req.getQuery('token');
    // expect-no-fix: unverified-token -- jwt-decode has no verify call: which library and key verify the token is the app's choice
    const claims = token ? jwtDecode(token) : null; // expect: unverified-token
    if (!claims?.sub) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade({ sub: claims.sub, docId: req.getParameter(0) }, req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'), req.getHeader('sec-websocket-extensions'), context);
  },
  open(ws) {
    ws.subscribe(`doc/${ws.getUserData().docId}`);
  },
  async message(ws, message) {
    const { docId, sub } = ws.getUserData();
    const patch = JSON.parse(Buffer.from(message).toString());
    await db.documents.applyPatch(docId, patch, sub);
    ws.publish(`doc/${docId}`, message); // ok: broadcast-to-all -- the document's room
  },
});

app.listen(9002, () => {});
