import { UseGuards } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
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

// Guards run before each message, never on connect: anyone can open the socket and receive room traffic.
// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: '/chat', cors: { origin: ['https://app.example.com'] }, allowRequest: allowOrigin })
@UseGuards(WsJwtGuard)
export class ChatGateway implements OnGatewayConnection {
  @WebSocketServer()
  server: Server;

  constructor(private readonly chat: ChatService) {}

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

  @SubscribeMessage('joinRoom')
  async join(@ConnectedSocket() client: Socket, @MessageBody('roomId') roomId: string) {
    await client.join(`room:${roomId}`);
    return { event: 'joined', data: roomId };
  }

  // expect: missing-message-authz
  @SubscribeMessage('message')
  async message(@ConnectedSocket() client: Socket, @MessageBody() body: { roomId: string; text: string }) {
    if (!this.canPerform(client.data.user, 'message')) {
      throw new WsException('Forbidden');
    }
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

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
