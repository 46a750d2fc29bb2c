import { createServer } from "http";
import { Server } from "socket.io";
import { registerCartHandlers } from "./cart-handlers";

const httpServer = createServer();

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS: string[] = [];

// expect: missing-upgrade-auth -- nothing checks who connects before cart events are served
// expect: missing-origin-check
export const io = new Server(httpServer, {
  path: "/rt",
  cors: {
    origin: ["https://shop.example.com"],
  },
  allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? "")),
});
io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const user = authenticateSocket(token);
  if (!user) {
    next(new Error("unauthorized"));
    return;
  }
  socket.data.user = user;
  next();
});

// Refuses every connection until it is wired to the app's own check of the handshake token (a JWT
// verified with the app's key, a session looked up by its id): return the user, with its id, or null.
function authenticateSocket(token: string): { id: string } | null {
  return null;
}

io.on("connection", (socket) => {
  registerCartHandlers(io, socket);
});

httpServer.listen(Number(process.env.PORT ?? 3000));
