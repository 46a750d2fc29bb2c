import Fastify, { FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';

const app: FastifyInstance = Fastify();
app.register(websocket, { options: { maxPayload: 64 * 1024 } });

app.register(async (scope) => {
  // expect: missing-upgrade-auth
  // expect: missing-origin-check
  scope.get('/metrics/stream', { websocket: true }, (socket) => {
    const timer = setInterval(() => socket.send(JSON.stringify({ load: process.cpuUsage() })), 1000);
    socket.on('close', () => clearInterval(timer));
  });
});

app.listen({ port: 4000 });
