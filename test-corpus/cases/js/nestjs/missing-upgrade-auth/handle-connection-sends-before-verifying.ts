import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { AuctionsService } from './auctions.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway(3005, { namespace: 'auctions' })
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
