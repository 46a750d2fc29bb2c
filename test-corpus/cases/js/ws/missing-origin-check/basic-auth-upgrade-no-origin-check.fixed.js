import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer } from 'ws';
import auth from 'basic-auth';
import { tailLogs } from './logs.js';

const USER = process.env.CONSOLE_USER;
const PASS = Buffer.from(process.env.CONSOLE_PASS ?? '');

function validPassword(pass) {
  const given = Buffer.from(pass);
  return given.length === PASS.length && timingSafeEqual(given, PASS);
}

const server = createServer();

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth -- HTTP Basic credentials checked at the upgrade

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

server.on('upgrade', (req, socket, head) => {
  if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
    socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.destroy();
    return;
  }
  const credentials = auth(req);
  if (!credentials || credentials.name !== USER || !validPassword(credentials.pass)) {
    socket.write('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="logs"\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

wss.on('connection', (ws, req) => {
  const service = new URL(req.url, 'http://localhost').searchParams.get('service');
  const stop = tailLogs(service, (line) => ws.send(line));
  ws.on('close', stop);
});

server.listen(9000);
