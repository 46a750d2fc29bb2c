import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, SubscribeMessage, MessageBody, OnGatewayConnection } from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { PresenceService } from './presence.service';

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

// No handleConnection at all: every socket is accepted, and the moderation event trusts whoever sends it.
// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ cors: { origin: '*' }, allowRequest: allowOrigin })
export class PresenceGateway implements OnGatewayConnection {
  private readonly logger = new Logger(PresenceGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(private readonly presence: PresenceService) {}

  handleConnection(client: Socket): void {
    const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(/^Bearer /, '');
    const user = this.authenticateConnection(token);
    if (!user) {
      client.disconnect(true);
      return;
    }
    client.data.user = user;
  }

  // Rejects every connection until it is wired to the app's own check of the token (verified with the app's
  // key, e.g. JwtService.verify): return the user, or null to disconnect.
  private authenticateConnection(token: string | undefined): object | null {
    return null;
  }

  // expect: missing-message-authz
  @SubscribeMessage('kick')
  async kick(@MessageBody() body: { userId: string }) {
    await this.presence.removeUser(body.userId);
    this.logger.log(`kicked ${body.userId}`);
    return { event: 'kicked', data: body.userId };
  }
}
