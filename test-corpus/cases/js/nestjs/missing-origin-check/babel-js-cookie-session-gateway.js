import { WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
import { Dependencies } from '@nestjs/common';
import { Server } from 'socket.io';
import jwt from 'jsonwebtoken';
import * as cookie from 'cookie';
import { CartService } from './cart.service';

const SESSION_SECRET = process.env.SESSION_SECRET;

// The session cookie is sent by the browser on a cross-site socket too; nothing checks the Origin.
// ok: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({
  namespace: 'cart',
  cors: { origin: 'https://shop.example.com', credentials: true },
})
@Dependencies(CartService)
export class CartGateway {
  @WebSocketServer()
  server;

  constructor(carts) {
    this.carts = carts;
  }

  handleConnection(client) {
    const cookies = cookie.parse(client.handshake.headers.cookie || '');
    try {
      const session = jwt.verify(cookies.shop_session, SESSION_SECRET);
      client.data.user = { id: session.sub };
      client.join(`cart:${session.sub}`);
    } catch (err) {
      client.disconnect(true);
    }
  }

  @SubscribeMessage('cart')
  async handleCart(client) {
    return { event: 'cart', data: await this.carts.forUser(client.data.user.id) };
  }
}
