// Local control socket for the desktop companion app.
const fs = require('fs');
const path = require('path');
const { WebSocketServer } = require('ws');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const CACHE_DIR = path.join(process.env.HOME || '.', '.companion', 'cache');

// expect: missing-upgrade-auth -- a loopback address is not an authenticated user
// expect: missing-origin-check -- any web page open in the user's browser can reach 127.0.0.1
const wss = new WebSocketServer({ host: '127.0.0.1', port: 17345 });

wss.on('connection', (ws, req) => {
  if (!LOOPBACK.has(req.socket.remoteAddress)) {
    ws.close(1008, 'local only');
    return;
  }
  ws.on('message', (data) => {
    let msg;
    try { msg = JSON.parse(data); } catch { return; }
    if (msg.type === 'status') {
      ws.send(JSON.stringify({ type: 'status', pid: process.pid, uptime: process.uptime() }));
    }
    // expect: missing-message-authz -- deletes files for whoever connects
    if (msg.type === 'clearCache') {
      fs.rmSync(CACHE_DIR, { recursive: true, force: true });
      ws.send(JSON.stringify({ type: 'cleared' }));
    }
  });
});
