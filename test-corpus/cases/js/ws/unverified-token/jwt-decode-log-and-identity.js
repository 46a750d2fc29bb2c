import http from 'node:http';
import { WebSocketServer } from 'ws';
import { jwtVerify } from 'jose';
import jwtDecode from 'jwt-decode';

const key = new TextEncoder().encode(process.env.ACCESS_TOKEN_SECRET);
const server = http.createServer();

// ok: missing-upgrade-auth -- the access token is verified before handleUpgrade; failures get 401
// ok: missing-origin-check -- explicit query tokens, no cookies
const wss = new WebSocketServer({ noServer: true, path: '/feed' });

server.on('upgrade', async (req, socket, head) => {
  const params = new URL(req.url, 'http://localhost').searchParams;
  const accessToken = params.get('access_token');
  try {
    await jwtVerify(accessToken, key, { audience: 'feed' });
  } catch {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }

  const { exp } = jwtDecode(accessToken); // ok: unverified-token -- already verified above, only exp is logged
  console.info(`feed connection, token expires ${new Date(exp * 1000).toISOString()}`);

  wss.handleUpgrade(req, socket, head, (ws) => {
    // expect: unverified-token -- identity and roles come from the id_token, which nobody verified
    // expect-no-fix: unverified-token -- jwt-decode cannot verify, and the handleUpgrade callback is not async for jose's jwtVerify
    const profile = jwtDecode(params.get('id_token'));
    ws.user = { id: profile.sub, name: profile.name, roles: profile.roles || [] };
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'hello', name: ws.user.name }));
  ws.on('message', (raw) => {
    const { type, channel } = JSON.parse(raw);
    if (type === 'subscribe') ws.channels = [...(ws.channels || []), channel];
  });
});

server.listen(8088);
