import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WsException,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Socket } from 'socket.io';
import { BoardsService } from './boards.service';

class MoveCardDto {
  boardId: string;
  cardId: string;
  toColumn: string;
}

class RemoveMemberDto {
  boardId: string;
  memberId: string;
}

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: '/boards' })
export class BoardsGateway implements OnGatewayConnection {
  constructor(private readonly jwtService: JwtService, private readonly boards: BoardsService) {}

  async handleConnection(client: Socket) {
    try {
      const claims = await this.jwtService.verifyAsync(client.handshake.auth.token);
      client.data.user = { id: claims.sub, name: claims.name };
    } catch (e) {
      client.disconnect(true);
    }
  }

  // ok: missing-message-authz
  @SubscribeMessage('moveCard')
  async moveCard(@ConnectedSocket() client: Socket, @MessageBody() dto: MoveCardDto) {
    const board = await this.boards.findBoard(dto.boardId);
    if (!board.memberIds.includes(client.data.user.id)) {
      throw new WsException('Not a member of this board');
    }
    await this.boards.moveCard(dto.cardId, dto.toColumn);
    client.to(`board:${dto.boardId}`).emit('cardMoved', dto);
  }

  // expect: missing-message-authz
  @SubscribeMessage('removeMember')
  async removeMember(@ConnectedSocket() client: Socket, @MessageBody() dto: RemoveMemberDto) {
    if (!this.canPerform(client.data.user, 'removeMember')) {
      throw new WsException('Forbidden');
    }
    await this.boards.removeMember(dto.boardId, dto.memberId);
    return { event: 'memberRemoved', data: dto.memberId };
  }

  // expect: missing-message-authz
  @SubscribeMessage('archiveBoard')
  async archive(@ConnectedSocket() client: Socket, @MessageBody('boardId') boardId: string) {
    await this.boards.deleteBoard(boardId);
    client.emit('archived', boardId);
  }

  // ok: missing-message-authz -- the update is scoped to the sender's own profile
  @SubscribeMessage('updateStatus')
  async status(@ConnectedSocket() client: Socket, @MessageBody('status') status: string) {
    await this.boards.updatePresence(client.data.user.id, status);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
