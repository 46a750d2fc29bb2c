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

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ cors: true })
export class ChatGateway {
  @WebSocketServer() server: Server;

  constructor(private jwtService: JwtService, private prisma: PrismaService) {}

  handleConnection(client: Socket) {
    const token = client.handshake.auth.token;
    // expect: unverified-token
    const payload = this.jwtService.decode(token) as { sub: string; name: string };
    if (!payload) {
      client.disconnect();
      return;
    }
    client.data.user = payload;
  }

  // expect: missing-message-authz
  @SubscribeMessage('sendMessage')
  async handleMessage(@ConnectedSocket() client: Socket, @MessageBody() body: { roomId: string; text: string }) {
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
}
