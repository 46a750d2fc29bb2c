import uWS from 'uWebSockets.js';
import { sessions } from './sessions.js';

const app = uWS.App();

// ok: missing-upgrade-auth -- the session cookie is looked up before the upgrade
app.ws('/board', { // expect: missing-origin-check
  upgrade: (res, req, context) => {
    const sid = /sid=([^;]+)/.exec(req.getHeader('cookie') || '')?.[1];
    const user = sid ? sessions.get(sid) : undefined;
    if (!user) {
      res.writeStatus('401 Unauthorized').end();
      return;
    }
    res.upgrade({ user },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      context);
  },
  message: (ws, message) => ws.send(message),
});

app.listen(9002, () => {});
