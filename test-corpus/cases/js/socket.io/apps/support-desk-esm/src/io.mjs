import { createServer } from 'node:http';
import { Server } from 'socket.io';
import app from './app.mjs';

export const httpServer = createServer(app);

// expect: missing-upgrade-auth -- realtime.mjs registers the connection handler, and nothing authenticates it
// expect: missing-origin-check
export const io = new Server(httpServer, {
  cors: { origin: ['https://support.example.com'] },
});
