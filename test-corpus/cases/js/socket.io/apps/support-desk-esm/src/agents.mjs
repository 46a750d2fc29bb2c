import jwt from 'jsonwebtoken';

export function registerAgents(io) {
  // ok: missing-upgrade-auth -- the agents namespace verifies its own token
  // ok: missing-origin-check -- explicit bearer token in the handshake auth
  const agents = io.of('/agents');
  agents.use((socket, next) => {
    try {
      socket.data.agent = jwt.verify(socket.handshake.auth.token, process.env.AGENT_JWT_SECRET);
      next();
    } catch (err) {
      next(err);
    }
  });
  agents.on('connection', (socket) => {
    socket.join(`agent:${socket.data.agent.sub}`);
  });
}
