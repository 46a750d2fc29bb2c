import { WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
import { Dependencies } from '@nestjs/common';
import { Server } from 'socket.io';
import jwt from 'jsonwebtoken';
import * as cookie from 'cookie';
import { CartService } from './cart.service';

const SESSION_SECRET = process.env.SESSION_SECRET;

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// engine.io runs allowRequest on the handshake and upgrade requests: any other Origin gets 403 before Socket.IO
// connects. Nest builds one Socket.IO server per port and path, from the options of the first gateway on it.
function allowOrigin(req, callback) {
  callback(null, ALLOWED_ORIGINS.has(req.headers.origin ?? ''));
}

// The session cookie is sent by the browser on a cross-site socket too; nothing checks the Origin.
// ok: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({
  namespace: 'cart',
  cors: { origin: 'https://shop.example.com', credentials: true },
  allowRequest: allowOrigin,
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
