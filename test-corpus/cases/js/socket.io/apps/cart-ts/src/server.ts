import { createServer } from "http";
import { Server } from "socket.io";
import { registerCartHandlers } from "./cart-handlers";

const httpServer = createServer();

// expect: missing-upgrade-auth -- nothing checks who connects before cart events are served
// expect: missing-origin-check
export const io = new Server(httpServer, {
  path: "/rt",
  cors: {
    origin: ["https://shop.example.com"],
  },
});

io.on("connection", (socket) => {
  registerCartHandlers(io, socket);
});

httpServer.listen(Number(process.env.PORT ?? 3000));
