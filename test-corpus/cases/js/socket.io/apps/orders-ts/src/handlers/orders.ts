import type { Server, Socket } from 'socket.io';
import { orderRepo } from '../repo';

export function registerOrderHandlers(io: Server, socket: Socket) {
  // ok: missing-message-authz -- the order is created for the connection's own user
  socket.on('order:create', async (payload: { items: string[] }, ack: (r: unknown) => void) => {
    const order = await orderRepo.create({ userId: socket.data.userId, items: payload.items });
    // ok: broadcast-to-all -- the user's own room
    io.to(`user:${socket.data.userId}`).emit('order:created', order);
    ack({ id: order.id });
  });

  // expect: missing-message-authz -- cancels any order id, whoever owns it
  socket.on('order:cancel', async (orderId: string) => {
    await orderRepo.delete(orderId);
    // expect: broadcast-to-all -- order details to every connection
    io.emit('order:cancelled', await orderRepo.findById(orderId));
  });
}
