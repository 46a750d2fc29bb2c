import { Server, Socket } from 'socket.io';
import { parse } from 'cookie';
import jwt from 'jsonwebtoken';

interface Claims {
  sub: string;
  role: 'member' | 'admin';
}

// expect: missing-origin-check -- cors does not restrict the websocket transport, and the cookie is sent by the browser
// ok: missing-upgrade-auth
const io = new Server(4400, {
  cors: { origin: true, credentials: true },
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
