import { Server } from 'socket.io';
import { verifyAccessToken } from './tokens';

// ok: missing-upgrade-auth -- the connection handler disconnects before serving an unverified socket
export const io = new Server(7000, { cors: { origin: ['https://app.example.com'] } });

io.on('connection', async (socket) => {
  const claims = await verifyAccessToken(socket.handshake.headers.authorization?.replace('Bearer ', ''));
  if (!claims) {
    socket.disconnect(true);
    return;
  }
  socket.join(`tenant:${claims.tenantId}`);
  // ok: missing-message-authz -- the agent role is checked first
  socket.on('ticket:close', async (ticketId: string) => {
    if (!claims.roles.includes('agent')) return;
    await closeTicket(ticketId);
  });
});

declare function closeTicket(id: string): Promise<void>;
