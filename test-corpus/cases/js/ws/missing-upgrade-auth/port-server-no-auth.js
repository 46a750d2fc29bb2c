// Build farm status: pushes runner load and the job queue to whoever connects.
const { WebSocketServer } = require('ws');
const os = require('os');
const queue = require('./queue');

// expect: missing-origin-check
const wss = new WebSocketServer({ port: 8090 }); // expect: missing-upgrade-auth

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
