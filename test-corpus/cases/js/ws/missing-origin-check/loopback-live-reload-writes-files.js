// Dev tooling: live-reload server for the docs site, started by `npm run docs:watch`.
const path = require('path');
const fs = require('fs/promises');
const chokidar = require('chokidar');
const { WebSocketServer, WebSocket } = require('ws');

const ROOT = path.resolve(__dirname, '../docs');

// expect: missing-upgrade-auth
// expect: missing-origin-check -- bound to loopback, but any page open in the browser can connect
const wss = new WebSocketServer({ host: '127.0.0.1', port: 35729 });

function reloadAll() {
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send('reload'); // ok: broadcast-to-all -- constant, no data
  }
}

chokidar.watch(ROOT, { ignoreInitial: true }).on('all', reloadAll);

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.cmd === 'save') { // expect: missing-message-authz -- writes files for whoever is connected
      await fs.writeFile(path.join(ROOT, msg.file), msg.content, 'utf8');
      ws.send(JSON.stringify({ saved: msg.file }));
    }
  });
});

console.log('live reload on ws://127.0.0.1:35729');
