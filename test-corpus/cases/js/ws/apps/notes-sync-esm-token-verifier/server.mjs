import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { applyPatch, loadNote } from './lib/notes.mjs';

const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'ok' }));
});

// expect: missing-origin-check
const wss = new WebSocketServer({ server }); // expect: missing-upgrade-auth

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const { noteId, patch } = JSON.parse(data.toString());
    const note = await loadNote(noteId);
    if (!note) {
      ws.send(JSON.stringify({ error: 'not found' }));
      return;
    }
    ws.send(JSON.stringify({ noteId, version: applyPatch(note, patch) }));
  });
});

server.listen(Number(process.env.PORT) || 3000);
