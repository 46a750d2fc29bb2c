import { WebSocketGateway, WebSocketServer, OnGatewayConnection, SubscribeMessage, MessageBody, ConnectedSocket, WsException } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { OrdersService } from './orders.service';

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
@WebSocketGateway({ namespace: '/orders', allowRequest: allowOrigin })
export class OrdersGateway implements OnGatewayConnection {
  @WebSocketServer() server: Server;

  constructor(private readonly jwtService: JwtService, private readonly orders: OrdersService) {}

  async handleConnection(socket: Socket) {
    const token = socket.handshake.auth?.token;
    if (!token) {
      throw new WsException('Missing token');
    }
    const claims = await this.jwtService.verifyAsync(token);
    socket.data.userId = claims.sub;
    socket.join(`user:${socket.data.userId}`);
  }

  // ok: missing-message-authz
  @SubscribeMessage('cancelOrder')
  async cancel(@ConnectedSocket() socket: Socket, @MessageBody() body: { orderId: string }) {
    const order = await this.orders.findById(body.orderId);
    if (order.customerId !== socket.data.userId) {
      throw new WsException('Not your order');
    }
    await this.orders.cancel(order.id);
    // expect: broadcast-to-all
    this.server.to(`user:${socket.data.userId}`).emit('orderCancelled', order);
  }
}
