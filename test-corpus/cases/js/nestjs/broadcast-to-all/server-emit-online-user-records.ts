import { Injectable } from '@nestjs/common';
import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  WebSocketGateway,
  WebSocketServer,
  SubscribeMessage,
  ConnectedSocket,
  MessageBody,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { UsersRepository } from './users.repository';

// ok: missing-upgrade-auth
@WebSocketGateway({ namespace: 'team' })
export class TeamGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server: Server;

  private readonly online = new Set<string>();

  constructor(private readonly jwtService: JwtService, private readonly users: UsersRepository) {}

  async handleConnection(client: Socket) {
    try {
      const payload = this.jwtService.verify(client.handshake.auth.token);
      client.data.user = payload;
      this.online.add(payload.sub);
      await this.broadcastRoster();
    } catch {
      client.disconnect();
    }
  }

  async handleDisconnect(client: Socket) {
    if (client.data.user) {
      this.online.delete(client.data.user.sub);
      // ok: broadcast-to-all -- the connection's own id says who left
      this.server.emit('left', client.id);
    }
  }

  private async broadcastRoster() {
    const users = await this.users.findByIds([...this.online]);
    // expect: broadcast-to-all
    this.server.emit('roster', users);
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() client: Socket, @MessageBody() body: { channel: string }) {
    // ok: broadcast-to-all -- a relay among verified users
    client.broadcast.emit('typing', { channel: body.channel, name: client.data.user.name });
  }

  @SubscribeMessage('whoami')
  whoami(@ConnectedSocket() client: Socket) {
    client.emit('me', client.data.user);
  }

  notifyUser(userId: string, notification: { title: string; body: string }) {
    this.server.to(`user:${userId}`).emit('notification', notification);
  }
}
