import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, SubscribeMessage, MessageBody } from '@nestjs/websockets';
import { Server } from 'socket.io';
import { PresenceService } from './presence.service';

// No handleConnection at all: every socket is accepted, and the moderation event trusts whoever sends it.
// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ cors: { origin: '*' } })
export class PresenceGateway {
  private readonly logger = new Logger(PresenceGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(private readonly presence: PresenceService) {}

  // expect: missing-message-authz
  @SubscribeMessage('kick')
  async kick(@MessageBody() body: { userId: string }) {
    await this.presence.removeUser(body.userId);
    this.logger.log(`kicked ${body.userId}`);
    return { event: 'kicked', data: body.userId };
  }
}
