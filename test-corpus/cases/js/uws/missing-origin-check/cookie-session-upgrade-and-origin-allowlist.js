const uWS = require('uWebSockets.js');
const cookie = require('cookie');
const { createClient } = require('redis');

const redis = createClient({ url: process.env.REDIS_URL });
const ALLOWED_ORIGINS = ['https://board.example.com'];

const app = uWS.SSLApp({ key_file_name: process.env.TLS_KEY, cert_file_name: process.env.TLS_CERT });

// expect: missing-origin-check
// expect-no-fix: missing-origin-check -- the file has an ALLOWED_ORIGINS of its own: the patch does not guess whether it is the list to check
app.ws('/board', { // ok: missing-upgrade-auth -- the session cookie is looked up before the upgrade
  upgrade: async (res, req, context) => {
    const secKey = req.getHeader('sec-websocket-key');
    const protocol = req.getHeader('sec-websocket-protocol');
    const extensions = req.getHeader('sec-websocket-extensions');
    const { sid } = cookie.parse(req.getHeader('cookie'));
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    const session = await redis.get(`sess:${sid}`);
    if (aborted) return;
    if (!session) {
      res.cork(() => res.writeStatus('401 Unauthorized').end());
      return;
    }
    res.cork(() => res.upgrade({ user: JSON.parse(session) }, secKey, protocol, extensions, context));
  },
  message: (ws, message) => {
    ws.send(message);
  },
});

// ok: missing-origin-check -- the same cookie, but only the board's own Origin is let in
app.ws('/board/admin', { // ok: missing-upgrade-auth -- the session cookie is looked up before the upgrade
  upgrade: async (res, req, context) => {
    const origin = req.getHeader('origin');
    const secKey = req.getHeader('sec-websocket-key');
    const protocol = req.getHeader('sec-websocket-protocol');
    const extensions = req.getHeader('sec-websocket-extensions');
    const { sid } = cookie.parse(req.getHeader('cookie'));
    let aborted = false;
    res.onAborted(() => { aborted = true; });
    if (!ALLOWED_ORIGINS.includes(origin)) {
      res.writeStatus('403 Forbidden').end();
      return;
    }
    const session = await redis.get(`sess:${sid}`);
    if (aborted) return;
    if (!session) {
      res.cork(() => res.writeStatus('401 Unauthorized').end());
      return;
    }
    res.cork(() => res.upgrade({ user: JSON.parse(session) }, secKey, protocol, extensions, context));
  },
  message: (ws, message) => {
    ws.send(message);
  },
});

redis.connect().then(() => app.listen(443, () => {}));
