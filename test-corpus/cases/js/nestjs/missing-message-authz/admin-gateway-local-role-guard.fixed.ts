import { UseGuards, Injectable, CanActivate, ExecutionContext } from '@nestjs/common';
import { SubscribeMessage, WebSocketGateway, MessageBody, ConnectedSocket, WsException } from '@nestjs/websockets';
import { Socket } from 'socket.io';
import * as jwt from 'jsonwebtoken';
import { UsersService } from './users.service';

@Injectable()
export class WsAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const client: Socket = context.switchToWs().getClient();
    const user = client.data.user;
    if (!user || user.role !== 'admin') {
      throw new WsException('Forbidden');
    }
    return true;
  }
}

// ok: missing-upgrade-auth
@WebSocketGateway({ namespace: 'admin' })
export class AdminGateway {
  constructor(private readonly users: UsersService) {}

  handleConnection(client: Socket) {
    try {
      const token = String(client.handshake.headers['x-access-token'] ?? '');
      client.data.user = jwt.verify(token, process.env.JWT_SECRET as string);
    } catch (e) {
      client.disconnect(true);
    }
  }

  // ok: missing-message-authz
  @UseGuards(WsAdminGuard)
  @SubscribeMessage('banUser')
  async ban(@MessageBody('userId') userId: string) {
    await this.users.ban(userId);
    return { event: 'banned', data: userId };
  }

  // expect: missing-message-authz
  @SubscribeMessage('updateUserRole')
  async setRole(@ConnectedSocket() client: Socket, @MessageBody() dto: { userId: string; role: string }) {
    if (!this.canPerform(client.data.user, 'updateUserRole')) {
      throw new WsException('Forbidden');
    }
    await this.users.updateRole(dto.userId, dto.role);
    client.emit('roleUpdated', dto);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
