import { io } from './io.mjs';
import { Ticket } from './models.mjs';

io.on('connection', (socket) => {
  socket.on('ticket:watch', (ticketId) => socket.join(`ticket:${ticketId}`));

  // expect: missing-message-authz -- closes any ticket id the client sends
  socket.on('ticket:close', async (ticketId) => {
    const ticket = await Ticket.findByIdAndUpdate(ticketId, { status: 'closed' });
    io.to(`ticket:${ticketId}`).emit('ticket:closed', ticket);
  });
});

export async function announceNewTicket(ticket) {
  // expect-no-fix: broadcast-to-all -- no connection and no user in scope: there is no room of one user to send to
  // expect: broadcast-to-all -- customer tickets reach every anonymous connection
  io.emit('ticket:new', ticket);
}
