import { WebSocketGateway, OnGatewayConnection } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Socket } from 'socket.io';
import { parse } from 'cookie';

const ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

// The session cookie rides along on any cross-site socket, but allowRequest turns foreign Origins away first.
// ok: missing-upgrade-auth
// ok: missing-origin-check
@WebSocketGateway({
  transports: ['websocket'],
  allowRequest: (req, callback) => callback(null, ORIGINS.includes(req.headers.origin ?? '')),
})
export class FeedGateway implements OnGatewayConnection {
  constructor(private readonly jwt: JwtService) {}

  async handleConnection(client: Socket) {
    const { session } = parse(client.handshake.headers.cookie ?? '');
    try {
      client.data.user = await this.jwt.verifyAsync(session ?? '');
    } catch {
      client.disconnect(true);
    }
  }
}
