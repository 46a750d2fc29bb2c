import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { NotificationsService } from './notifications.service';

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: '/notifications', cors: { origin: process.env.FRONTEND_URL } })
export class NotificationsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(NotificationsGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(
    private readonly authService: AuthService,
    private readonly notifications: NotificationsService,
  ) {}

  async handleConnection(client: Socket) {
    const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.split(' ')[1];
    if (!token) {
      client.disconnect(true);
      return;
    }
    try {
      const user = await this.authService.verifyAccessToken(token);
      client.data.user = user;
      await client.join(`user:${user.sub}`);
      this.logger.log(`user ${user.sub} connected`);
    } catch (err) {
      this.logger.warn(`rejected socket ${client.id}`);
      client.disconnect(true);
    }
  }

  handleDisconnect(client: Socket) {
    this.logger.log(`socket ${client.id} left`);
  }

  @SubscribeMessage('markRead')
  async markRead(@ConnectedSocket() client: Socket, @MessageBody() body: { notificationId: string }) {
    await this.notifications.markRead(client.data.user.sub, body.notificationId);
    return { event: 'marked', data: body.notificationId };
  }

  // ok: missing-message-authz
  @SubscribeMessage('deleteNotification')
  async remove(@ConnectedSocket() client: Socket, @MessageBody() body: { notificationId: string }) {
    const note = await this.notifications.findOne(body.notificationId);
    if (!note || note.userId !== client.data.user.sub) {
      return { event: 'error', data: 'not found' };
    }
    await this.notifications.delete(body.notificationId);
    return { event: 'deleted', data: body.notificationId };
  }

  pushToUser(userId: string, payload: unknown) {
    this.server.to(`user:${userId}`).emit('notification', payload);
  }

  announceMaintenance(at: Date) {
    // ok: broadcast-to-all
    this.server.emit('maintenance', { at: at.toISOString(), message: 'Scheduled maintenance' });
  }
}
