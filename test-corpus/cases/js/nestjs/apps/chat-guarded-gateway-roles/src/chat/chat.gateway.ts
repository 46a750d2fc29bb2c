import { UseGuards } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { WsJwtGuard } from '../auth/ws-jwt.guard';
import { RolesGuard } from '../auth/roles.guard';
import { Roles } from '../auth/roles.decorator';
import { ChatService } from './chat.service';

interface ModerationDto {
  roomId: string;
  userId: string;
  minutes: number;
}

// Guards run before each message, never on connect: anyone can open the socket and receive room traffic.
// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: '/chat', cors: { origin: ['https://app.example.com'] } })
@UseGuards(WsJwtGuard)
export class ChatGateway {
  @WebSocketServer()
  server: Server;

  constructor(private readonly chat: ChatService) {}

  @SubscribeMessage('joinRoom')
  async join(@ConnectedSocket() client: Socket, @MessageBody('roomId') roomId: string) {
    await client.join(`room:${roomId}`);
    return { event: 'joined', data: roomId };
  }

  // expect: missing-message-authz
  @SubscribeMessage('message')
  async message(@ConnectedSocket() client: Socket, @MessageBody() body: { roomId: string; text: string }) {
    const saved = await this.chat.createMessage(body.roomId, client.data.user.sub, body.text);
    this.server.to(`room:${body.roomId}`).emit('message', saved);
  }

  // ok: missing-message-authz
  @Roles('moderator', 'admin')
  @UseGuards(RolesGuard)
  @SubscribeMessage('deleteMessage')
  async deleteMessage(@MessageBody() body: { roomId: string; messageId: string }) {
    await this.chat.deleteMessage(body.messageId);
    this.server.to(`room:${body.roomId}`).emit('messageDeleted', body.messageId);
  }

  // ok: missing-message-authz
  @Roles('moderator')
  @UseGuards(RolesGuard)
  @SubscribeMessage('muteUser')
  async mute(@MessageBody() dto: ModerationDto) {
    await this.chat.muteUser(dto.roomId, dto.userId, dto.minutes);
    this.server.to(`user:${dto.userId}`).emit('muted', { roomId: dto.roomId, minutes: dto.minutes });
  }
}
