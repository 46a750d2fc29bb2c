const http = require('http');
const { WebSocketServer } = require('ws');
const jwt = require('jsonwebtoken');
const Projects = require('./models/projects');

const PUBLIC_TOPICS = new Set(['status', 'changelog']);
const server = http.createServer();
// ok: missing-origin-check -- Authorization header from the desktop client, no cookie
const wss = new WebSocketServer({ noServer: true }); // ok: missing-upgrade-auth

server.on('upgrade', (req, socket, head) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  let user;
  try {
    user = jwt.verify(token, process.env.API_SECRET); // ok: unverified-token -- failure answers 401
  } catch {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, user));
});

const handlers = {
  subscribe(ws, msg) {
    if (PUBLIC_TOPICS.has(msg.topic)) ws.topics.add(msg.topic);
  },
  async renameProject(ws, msg) { // ok: missing-message-authz -- owner checked before the update
    const project = await Projects.findById(msg.projectId);
    if (!project || project.ownerId !== ws.user.sub) return ws.send(JSON.stringify({ error: 'forbidden' }));
    await Projects.update(project.id, { name: String(msg.name) });
  },
  async deleteProject(ws, msg) { // expect: missing-message-authz -- any signed-in user can delete any project
    await Projects.delete(msg.projectId);
    ws.send(JSON.stringify({ type: 'deleted', projectId: msg.projectId }));
  },
};

wss.on('connection', (ws, user) => {
  ws.user = user;
  ws.topics = new Set();
  ws.on('message', (data) => {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    handlers[msg.type]?.(ws, msg);
  });
});

server.listen(4000);
