import { OnGatewayConnection, WebSocketGateway, WebSocketServer, SubscribeMessage, ConnectedSocket } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { KeyStore } from './key-store';

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: '/metrics' })
export class MetricsGateway implements OnGatewayConnection {
  @WebSocketServer()
  server: Server;

  constructor(private readonly jwtService: JwtService, private readonly keys: KeyStore) {}

  async handleConnection(client: Socket) {
    const token: string | undefined = client.handshake.auth?.token;
    if (!token) {
      return client.disconnect(true);
    }
    // ok: unverified-token -- only the key id is read, to pick the key the token is verified with
    const decoded = this.jwtService.decode(token, { complete: true }) as { header: { kid: string } } | null;
    const secret = await this.keys.secretFor(decoded?.header.kid);
    try {
      client.data.user = await this.jwtService.verifyAsync(token, { secret });
    } catch {
      client.disconnect(true);
    }
  }

  @SubscribeMessage('subscribeDashboard')
  subscribe(@ConnectedSocket() client: Socket) {
    client.join(`dashboard:${client.data.user.orgId}`);
  }

  publishUptime(seconds: number) {
    // ok: broadcast-to-all
    this.server.emit('uptime', { uptime: seconds, at: new Date().toISOString() });
  }
}
