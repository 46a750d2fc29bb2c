const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const orgs = require('../services/orgs');
const profiles = require('../services/profiles');

// ok: missing-upgrade-auth -- two-parameter verifyClient rejects unless the query token verifies
// ok: missing-origin-check -- explicit query token, no ambient credential
const wss = new WebSocketServer({
  port: 8443,
  verifyClient: (info, cb) => {
    const token = new URL(info.req.url, 'ws://internal').searchParams.get('token');
    if (!token) return cb(false, 401);
    // ok: unverified-token -- callback form: the error path rejects the upgrade
    jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }, (err, claims) => {
      if (err) return cb(false, 401);
      info.req.user = { id: claims.sub, orgId: claims.org, role: claims.role };
      cb(true);
    });
  },
});

wss.on('connection', (ws, req) => {
  ws.user = req.user;
  ws.on('message', async (data) => {
    const { type, payload } = JSON.parse(data);
    if (type === 'org:updateSettings') { // ok: missing-message-authz -- the target org must be the user's own
      if (ws.user.orgId !== payload.orgId) return ws.send(JSON.stringify({ type: 'error', code: 'forbidden' }));
      await orgs.updateSettings(payload.orgId, payload.settings);
      ws.send(JSON.stringify({ type: 'org:settingsUpdated' }));
    } else if (type === 'org:inviteMember') { // expect: missing-message-authz -- invites into any org id the client sends
      const invite = await orgs.invite(payload.orgId, payload.email, payload.role);
      ws.send(JSON.stringify({ type: 'org:invited', inviteId: invite.id }));
    } else if (type === 'profile:update') { // ok: missing-message-authz -- writes only the authenticated user's own profile
      await profiles.update(ws.user.id, { displayName: payload.displayName, avatar: payload.avatar });
      ws.send(JSON.stringify({ type: 'profile:updated' }));
    } else if (type === 'org:get') {
      ws.send(JSON.stringify({ type: 'org', org: await orgs.getPublic(ws.user.orgId) }));
    }
  });
});

module.exports = wss;
