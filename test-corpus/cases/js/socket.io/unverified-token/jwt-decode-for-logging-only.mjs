import { Server } from 'socket.io';
import jwt from 'jsonwebtoken';
import { jwtDecode } from 'jwt-decode';

// ok: missing-upgrade-auth
const io = new Server(3500);

io.use((socket, next) => {
  const token = socket.handshake.auth.token;
  const hint = jwtDecode(token); // ok: unverified-token -- only logged
  console.log('connecting kid', hint.kid);
  jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] }, (err, claims) => {
    if (err) {
      return next(new Error('unauthorized'));
    }
    socket.data.claims = claims;
    return next();
  });
});

io.on('connection', (socket) => {
  socket.emit('ready');
});
