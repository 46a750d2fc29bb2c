import type { Server, Socket } from "socket.io";
import { carts } from "./carts";

export function registerCartHandlers(io: Server, socket: Socket) {
  // ok: missing-message-authz -- reads a cart, nothing privileged
  socket.on("cart:get", async (cartId: string, ack: (cart: unknown) => void) => {
    ack(await carts.get(cartId));
  });
}
