import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, ConnectedSocket } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import * as cookie from 'cookie';
import { Socket } from 'socket.io';
import { AccountService } from './account.service';

// The browser sends the session cookie on a cross-site WebSocket too, and nothing checks the Origin.
// ok: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'account', cors: { origin: 'https://bank.example.com', credentials: true } })
export class AccountGateway implements OnGatewayConnection {
  private readonly logger = new Logger(AccountGateway.name);

  constructor(private readonly jwtService: JwtService, private readonly accounts: AccountService) {}

  async handleConnection(client: Socket) {
    const cookies = cookie.parse(client.handshake.headers.cookie ?? '');
    const session = cookies['session_token'];
    if (!session) {
      client.disconnect(true);
      return;
    }
    try {
      const claims = await this.jwtService.verifyAsync<{ sub: string }>(session);
      client.data.userId = claims.sub;
      await client.join(`account:${claims.sub}`);
    } catch (error) {
      this.logger.debug(`bad session cookie: ${error}`);
      client.disconnect(true);
    }
  }

  @SubscribeMessage('balance')
  async balance(@ConnectedSocket() client: Socket) {
    const balance = await this.accounts.balanceOf(client.data.userId);
    client.emit('balance', balance);
  }
}
