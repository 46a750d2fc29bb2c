import { WebSocketServer } from 'ws';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import { docs, activity } from './collab-store.js';

const JWKS = createRemoteJWKSet(new URL('https://id.example.com/.well-known/jwks.json'));
const ORIGINS = new Set(['https://docs.example.com']);

// expect: missing-upgrade-auth -- the socket gets the edit feed while the token check is still awaiting
// ok: missing-origin-check -- verifyClient enforces an Origin allow-list
const wss = new WebSocketServer({
  port: 9300,
  verifyClient: ({ origin }) => ORIGINS.has(origin),
});

wss.on('connection', async (ws, req) => {
  const url = new URL(req.url, 'https://docs.example.com');
  const watched = url.searchParams.get('doc');
  const forward = (edit) => {
    if (edit.docId === watched) ws.send(JSON.stringify({ type: 'edit', ops: edit.ops }));
  };
  activity.on('edit', forward); // live edits of the named doc, before the token is checked

  const token = url.searchParams.get('token');
  let claims;
  try {
    // ok: unverified-token -- failure closes the socket and returns
    ({ payload: claims } = await jwtVerify(token || '', JWKS, { audience: 'collab' }));
  } catch {
    activity.off('edit', forward);
    ws.close(4401, 'unauthorized');
    return;
  }
  ws.userId = claims.sub;

  ws.on('message', async (raw) => { // expect: missing-message-authz -- applies patches to any doc id with no membership check
    const { docId, ops, baseVersion } = JSON.parse(raw);
    const doc = await docs.load(docId);
    const next = doc.apply(ops, baseVersion, ws.userId);
    await docs.save(docId, next);
    ws.send(JSON.stringify({ type: 'ack', docId, version: next.version }));
  });

  ws.on('close', () => activity.off('edit', forward));
});
