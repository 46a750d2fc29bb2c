import { WebSocketGateway, WebSocketServer, OnGatewayConnection, SubscribeMessage, MessageBody, ConnectedSocket, WsException } from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Server, Socket } from 'socket.io';
import { OrdersService } from './orders.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: '/orders' })
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
    this.server.emit('orderCancelled', order);
  }
}
