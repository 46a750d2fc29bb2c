'use strict';
const { WebSocketServer } = require('ws');

function readBearer(req) {
  const proto = req.headers['sec-websocket-protocol'];
  if (!proto) return null;
  const [scheme, token] = proto.split(',').map((s) => s.trim());
  return scheme === 'access_token' ? token : null;
}

function claimsOf(token) {
  const [, body] = token.split('.');
  // expect: unverified-token -- the payload is base64-decoded and trusted; the signature segment is ignored
  const json = Buffer.from(body, 'base64url').toString('utf8');
  return JSON.parse(json);
}

// expect: missing-upgrade-auth -- the only "check" is a decoded, unverified token
// expect: missing-origin-check -- no verified authentication and any Origin (warning)
const wss = new WebSocketServer({
  port: 7081,
  handleProtocols: (protocols) => (protocols.has('access_token') ? 'access_token' : false),
  verifyClient: ({ req }) => {
    const token = readBearer(req);
    if (!token) return false;
    const claims = claimsOf(token);
    if (claims.exp * 1000 < Date.now()) return false;
    req.claims = claims;
    return true;
  },
});

wss.on('connection', (ws, req) => {
  ws.isAdmin = req.claims.roles.includes('admin');
  ws.send(JSON.stringify({ type: 'session', user: req.claims.sub, admin: ws.isAdmin }));
});
