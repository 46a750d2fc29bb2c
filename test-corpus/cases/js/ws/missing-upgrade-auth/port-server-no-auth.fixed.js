// Build farm status: pushes runner load and the job queue to whoever connects.
const { WebSocketServer } = require('ws');
const os = require('os');
const queue = require('./queue');
const http = require('http');

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// handleUpgrade runs verifyClient: a browser from any other Origin gets 403
function verifyOrigin(info, done) {
  done(ALLOWED_ORIGINS.has(info.origin), 403, 'Forbidden');
}

// expect: missing-origin-check
const wss = new WebSocketServer({ noServer: true, verifyClient: verifyOrigin }); // expect: missing-upgrade-auth

const httpServer = http.createServer((req, res) => res.writeHead(426).end());
httpServer.on('upgrade', (request, socket, head) => {
  const user = authenticateUpgrade(request);
  if (!user) {
    socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => {
    wss.emit('connection', ws, request, user);
  });
});
httpServer.listen(8090);

// Rejects every upgrade until it is wired to the app's own check of the request's credential (its
// session cookie, or a token verified with the app's key): return the user, or null to answer 401.
function authenticateUpgrade(request) {
  return null;
}

wss.on('connection', (ws) => {
  const timer = setInterval(() => {
    ws.send(JSON.stringify({
      type: 'status',
      load: os.loadavg(),
      freeMem: os.freemem(),
      jobs: queue.list().map((job) => ({ id: job.id, repo: job.repo, branch: job.branch })),
    }));
  }, 2000);

  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'ping':
        ws.send(JSON.stringify({ type: 'pong' }));
        break;
      case 'cancel-job': // expect: missing-message-authz
        queue.cancel(msg.jobId);
        break;
    }
  });

  ws.on('close', () => clearInterval(timer));
});
