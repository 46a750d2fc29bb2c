import uWS from 'uWebSockets.js';
import { verifyApiKey } from './keys.js';

const app = uWS.SSLApp({ key_file_name: 'key.pem', cert_file_name: 'cert.pem' });

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// expect: missing-origin-check -- the key check fails open, so nothing authenticates
// expect-no-fix: missing-upgrade-auth -- the endpoint has an upgrade handler of its own: the patch does not rewrite the app's accept logic
app.ws('/*', { // expect: missing-upgrade-auth
  upgrade: async (res, req, context) => {
    if (!ALLOWED_ORIGINS.has(req.getHeader('origin'))) {
      res.writeStatus('403 Forbidden').end();
      return;
    }
    const key = req.getHeader('x-api-key');
    const secKey = req.getHeader('sec-websocket-key');
    const protocol = req.getHeader('sec-websocket-protocol');
    const extensions = req.getHeader('sec-websocket-extensions');
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    const account = await verifyApiKey(key);
    if (aborted) return;
    res.cork(() => {
      if (!account) {
        console.warn('unknown api key');
      }
      res.upgrade({ account }, secKey, protocol, extensions, context);
    });
  },
  message: (ws, message) => {
    const { account } = ws.getUserData();
    ws.publish(`account/${account?.id}`, message); // ok: broadcast-to-all -- per-account topic
  },
});

app.listen(443, () => {});
