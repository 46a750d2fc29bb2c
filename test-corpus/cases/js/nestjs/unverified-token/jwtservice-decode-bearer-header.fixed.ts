import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, WsException, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Socket } from 'socket.io';
import { RoomsService } from './rooms.service';

type Claims = { sub: string; role: 'member' | 'owner' };

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
@WebSocketGateway({ namespace: 'rooms', allowRequest: allowOrigin })
export class RoomsGateway implements OnGatewayConnection {
  constructor(private readonly jwt: JwtService, private readonly rooms: RoomsService) {}

  handleConnection(client: Socket) {
    const raw = client.handshake.headers.authorization?.replace('Bearer ', '') ?? '';
    // expect: unverified-token
    const claims = this.verifiedClaims(raw) as Claims | null;
    if (!claims) {
      client.disconnect(true);
      return;
    }
    client.data.claims = claims;
  }

  // this.jwt.verify in place of decode: checks the signature and expiry with the key JwtModule is configured
  // with, and gives null when they fail, as decode gives null for a malformed token
  private verifiedClaims(token: string) {
    try {
      return this.jwt.verify(token);
    } catch {
      return null;
    }
  }

  // expect: missing-message-authz
  @SubscribeMessage('deleteRoom')
  async remove(@ConnectedSocket() client: Socket, @MessageBody('roomId') roomId: string) {
    if (!this.canPerform(client.data.claims, 'deleteRoom')) {
      throw new WsException('Forbidden');
    }
    await this.rooms.delete(roomId);
    client.emit('roomDeleted', roomId);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
