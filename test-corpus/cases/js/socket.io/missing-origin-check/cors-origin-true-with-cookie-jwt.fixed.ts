import { Server, Socket } from 'socket.io';
import { parse } from 'cookie';
import jwt from 'jsonwebtoken';

interface Claims {
  sub: string;
  role: 'member' | 'admin';
}

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS: string[] = [];

// expect: missing-origin-check -- cors does not restrict the websocket transport, and the cookie is sent by the browser
// ok: missing-upgrade-auth
const io = new Server(4400, {
  cors: { origin: true, credentials: true },
  allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin ?? '')),
});

io.use((socket: Socket, next) => {
  const cookies = parse(socket.handshake.headers.cookie ?? '');
  try {
    socket.data.claims = jwt.verify(cookies.access_token, process.env.JWT_SECRET as string) as Claims;
    next();
  } catch {
    next(new Error('unauthorized'));
  }
});

io.on('connection', (socket: Socket) => {
  socket.emit('me', { id: socket.data.claims.sub });
});
