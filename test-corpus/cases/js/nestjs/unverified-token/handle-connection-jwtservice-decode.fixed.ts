import { UseGuards } from '@nestjs/common';
import {
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  ConnectedSocket,
  WsException,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { PrismaService } from './prisma.service';

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

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ cors: true, allowRequest: allowOrigin })
export class ChatGateway {
  @WebSocketServer() server: Server;

  constructor(private jwtService: JwtService, private prisma: PrismaService) {}

  handleConnection(client: Socket) {
    const token = client.handshake.auth.token;
    // expect: unverified-token
    const payload = this.verifiedClaims(token) as { sub: string; name: string };
    if (!payload) {
      client.disconnect();
      return;
    }
    client.data.user = payload;
  }

  // this.jwtService.verify in place of decode: checks the signature and expiry with the key JwtModule is configured
  // with, and gives null when they fail, as decode gives null for a malformed token
  private verifiedClaims(token: string) {
    try {
      return this.jwtService.verify(token);
    } catch {
      return null;
    }
  }

  // expect: missing-message-authz
  @SubscribeMessage('sendMessage')
  async handleMessage(@ConnectedSocket() client: Socket, @MessageBody() body: { roomId: string; text: string }) {
    if (!this.canPerform(client.data.user, 'sendMessage')) {
      throw new WsException('Forbidden');
    }
    const message = await this.prisma.message.create({
      data: { roomId: body.roomId, text: body.text, authorId: client.data.user.sub },
    });
    this.server.to(body.roomId).emit('newMessage', message);
  }

  // expect: missing-message-authz
  @SubscribeMessage('deleteRoom')
  async deleteRoom(@MessageBody() body: { roomId: string }) {
    await this.prisma.room.delete({ where: { id: body.roomId } });
    // expect: broadcast-to-all
    this.server.emit('roomDeleted', body.roomId);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
