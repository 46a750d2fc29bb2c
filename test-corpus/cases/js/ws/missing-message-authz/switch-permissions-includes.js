import { WebSocketServer } from 'ws';
import jwt from 'jsonwebtoken';
import { items, users, audit } from './store.js';

const PUBLIC_KEY = process.env.AUTH_PUBLIC_KEY;

export function attachInventorySocket(server) {
  // ok: missing-upgrade-auth -- bearer token in Sec-WebSocket-Protocol, verified before handleUpgrade
  // ok: missing-origin-check -- explicit subprotocol token, no cookies
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('inventory.v2') ? 'inventory.v2' : false) });

  server.on('upgrade', (req, socket, head) => {
    const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((p) => p.trim());
    const bearer = offered.find((p) => p.startsWith('bearer.'));
    let user;
    try {
      user = jwt.verify(bearer ? bearer.slice('bearer.'.length) : '', PUBLIC_KEY, { algorithms: ['ES256'] });
    } catch {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => { ws.user = user; wss.emit('connection', ws, req); });
  });

  wss.on('connection', (ws) => {
    const can = (perm) => Array.isArray(ws.user.permissions) && ws.user.permissions.includes(perm);
    ws.on('message', async (raw) => {
      const msg = JSON.parse(raw);
      switch (msg.type) {
        case 'item:update': // ok: missing-message-authz -- requires items:write
          if (!can('items:write')) return ws.send(JSON.stringify({ type: 'error', code: 403 }));
          await items.update(msg.id, msg.patch);
          break;
        case 'item:delete': // expect: missing-message-authz -- deletes by client-supplied id with no permission check
          await items.remove(msg.id);
          await audit.log(ws.user.sub, 'item:delete', msg.id);
          break;
        case 'user:setRole': // ok: missing-message-authz -- admin verb behind admin:write
          if (!ws.user.permissions.includes('admin:write')) {
            ws.send(JSON.stringify({ type: 'error', code: 403 }));
            break;
          }
          await users.setRole(msg.userId, msg.role);
          break;
        case 'ping':
          ws.send(JSON.stringify({ type: 'pong', t: Date.now() }));
          break;
        default:
          ws.send(JSON.stringify({ type: 'error', code: 400 }));
      }
    });
  });

  return wss;
}
