import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { WalletService } from './wallet.service';

interface WalletUser {
  sub: string;
  email: string;
}

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: '/wallet' })
export class WalletGateway implements OnGatewayConnection {
  private readonly logger = new Logger(WalletGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(private readonly jwtService: JwtService, private readonly wallets: WalletService) {}

  async handleConnection(client: Socket) {
    try {
      const user = await this.jwtService.verifyAsync<WalletUser>(client.handshake.auth.token);
      client.data.user = user;
      client.join(`user:${client.data.user.sub}`);
    } catch (error) {
      this.logger.warn(`wallet socket refused: ${client.id}`);
      client.disconnect(true);
    }
  }

  @SubscribeMessage('refreshBalance')
  async refresh(@ConnectedSocket() client: Socket) {
    const balance = await this.wallets.balanceOf(client.data.user.sub);
    // expect: broadcast-to-all
    this.server.to(`user:${client.data.user.sub}`).emit('balance', { userId: client.data.user.sub, balance });
  }
}
