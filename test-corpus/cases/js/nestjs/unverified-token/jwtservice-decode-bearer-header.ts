import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Socket } from 'socket.io';
import { RoomsService } from './rooms.service';

type Claims = { sub: string; role: 'member' | 'owner' };

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'rooms' })
export class RoomsGateway implements OnGatewayConnection {
  constructor(private readonly jwt: JwtService, private readonly rooms: RoomsService) {}

  handleConnection(client: Socket) {
    const raw = client.handshake.headers.authorization?.replace('Bearer ', '') ?? '';
    // expect: unverified-token
    const claims = this.jwt.decode(raw) as Claims | null;
    if (!claims) {
      client.disconnect(true);
      return;
    }
    client.data.claims = claims;
  }

  // expect: missing-message-authz
  @SubscribeMessage('deleteRoom')
  async remove(@ConnectedSocket() client: Socket, @MessageBody('roomId') roomId: string) {
    await this.rooms.delete(roomId);
    client.emit('roomDeleted', roomId);
  }
}
