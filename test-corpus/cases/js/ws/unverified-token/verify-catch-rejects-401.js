// Telemetry ingest for field devices (no browsers involved).
const http = require('http');
const https = require('https');
const fs = require('fs');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const { ingest } = require('./ingest');

const DEVICE_KEY = fs.readFileSync('keys/device-signing.pub');
const server = https.createServer({
  cert: fs.readFileSync('certs/ingest.crt'),
  key: fs.readFileSync('certs/ingest.key'),
});

function reject(socket, code) {
  socket.write(`HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\n\r\n`);
  socket.destroy();
}

// ok: missing-origin-check -- Authorization header bearer token, nothing ambient
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 }); // ok: missing-upgrade-auth -- upgrade handler verifies

server.on('upgrade', (req, socket, head) => {
  const [scheme, token] = (req.headers.authorization || '').split(' ');
  if (scheme !== 'Bearer' || !token) return reject(socket, 401);
  let device;
  try {
    device = jwt.verify(token, DEVICE_KEY, { algorithms: ['ES256'], audience: 'telemetry' }); // ok: unverified-token -- rejects with 401
  } catch (err) {
    return reject(socket, 401);
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.on('message', (raw) => ingest(device.sub, raw));
  });
});

server.listen(8443);
