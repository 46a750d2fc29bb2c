import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, ConnectedSocket } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import * as cookie from 'cookie';
import { Socket } from 'socket.io';
import { AccountService } from './account.service';

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

// The browser sends the session cookie on a cross-site WebSocket too, and nothing checks the Origin.
// ok: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'account', cors: { origin: 'https://bank.example.com', credentials: true }, allowRequest: allowOrigin })
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
