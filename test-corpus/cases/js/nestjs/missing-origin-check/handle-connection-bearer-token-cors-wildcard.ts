import {
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  MessageBody,
  ConnectedSocket,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';

type TrackingUpdate = { shipmentId: string; lat: number; lng: number };

// cors '*' looks alarming, but the connection is authorised by a bearer token the page's own code must supply.
// ok: missing-origin-check
@WebSocketGateway({ cors: { origin: '*' }, transports: ['websocket'] })
export class TrackingGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer()
  private readonly server: Server;

  constructor(private readonly jwt: JwtService) {}

  async handleConnection(socket: Socket): Promise<void> {
    const header = socket.handshake.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      socket.emit('error', { message: 'missing bearer token' });
      socket.disconnect();
      return;
    }
    try {
      const { sub, carrierId } = await this.jwt.verifyAsync(token, { audience: 'tracking' });
      socket.data.user = { sub, carrierId };
      socket.join(`carrier:${carrierId}`);
    } catch {
      socket.disconnect();
    }
  }

  handleDisconnect(socket: Socket): void {
    socket.rooms.clear();
  }

  @SubscribeMessage('position')
  position(@ConnectedSocket() socket: Socket, @MessageBody() update: TrackingUpdate) {
    socket.to(`carrier:${socket.data.user.carrierId}`).emit('position', update);
    return { event: 'ack', data: update.shipmentId };
  }
}
