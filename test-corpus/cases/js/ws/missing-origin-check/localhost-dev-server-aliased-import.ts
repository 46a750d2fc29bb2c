// Dev helper for the editor extension: live file sync over a local socket.
import { WebSocketServer as WSS } from 'ws';
import { promises as fs } from 'fs';
import path from 'path';

const ROOT = process.cwd();

// expect: missing-origin-check
const wss = new WSS({ host: '127.0.0.1', port: 35729 }); // expect: missing-upgrade-auth

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ cmd: 'hello', root: path.basename(ROOT) }));

  socket.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    const target = path.join(ROOT, msg.path);
    switch (msg.cmd) {
      case 'read':
        socket.send(JSON.stringify({ cmd: 'file', path: msg.path, body: await fs.readFile(target, 'utf8') }));
        break;
      case 'write': // expect: missing-message-authz
        await fs.writeFile(target, msg.body);
        socket.send(JSON.stringify({ cmd: 'saved', path: msg.path }));
        break;
    }
  });
});

console.log('file sync listening on ws://127.0.0.1:35729');
