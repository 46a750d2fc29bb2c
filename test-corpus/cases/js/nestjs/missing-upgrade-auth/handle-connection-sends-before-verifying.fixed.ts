import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { AuctionsService } from './auctions.service';

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// engine.io runs allowRequest on the handshake and upgrade requests: any other Origin gets 403 before Socket.IO
// connects. Nest builds one Socket.IO server per port and path, from the options of the first gateway on it.
function allowOrigin(
  req: { headers: { origin?: string } },
  callback: (err: string | null, success: boolean) => void,
): void {
  callback(null, ALLOWED_ORIGINS.has(req.headers.origin ?? ''));
}

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway(3005, { namespace: 'auctions', allowRequest: allowOrigin })
export class AuctionsGateway implements OnGatewayConnection {
  private readonly logger = new Logger(AuctionsGateway.name);

  @WebSocketServer() server: Server;

  constructor(private readonly jwtService: JwtService, private readonly auctions: AuctionsService) {}

  async handleConnection(client: Socket) {
    // the snapshot (with reserve prices and bidder ids) leaves before the token is checked
    client.emit('snapshot', await this.auctions.liveSnapshot());
    try {
      const bidder = await this.jwtService.verifyAsync(client.handshake.auth.token);
      client.data.bidder = bidder;
    } catch {
      this.logger.warn(`unauthenticated bidder ${client.id}`);
      client.disconnect();
    }
  }
}
