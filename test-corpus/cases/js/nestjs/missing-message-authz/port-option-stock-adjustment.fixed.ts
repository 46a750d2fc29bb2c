import { WebSocketGateway, SubscribeMessage, MessageBody, OnGatewayConnection, ConnectedSocket, WsException } from '@nestjs/websockets';
import { Socket } from 'socket.io';
import { InventoryService } from './inventory.service';

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
@WebSocketGateway(3010, { namespace: 'inventory', transports: ['websocket'], allowRequest: allowOrigin })
export class InventoryGateway implements OnGatewayConnection {
  constructor(private readonly inventory: InventoryService) {}

  handleConnection(client: Socket): void {
    const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(/^Bearer /, '');
    const user = this.authenticateConnection(token);
    if (!user) {
      client.disconnect(true);
      return;
    }
    client.data.user = user;
  }

  // Rejects every connection until it is wired to the app's own check of the token (verified with the app's
  // key, e.g. JwtService.verify): return the user, or null to disconnect.
  private authenticateConnection(token: string | undefined): object | null {
    return null;
  }

  // expect: missing-message-authz
  @SubscribeMessage('adjustStock')
  async adjust(@ConnectedSocket() client: Socket, @MessageBody() dto: { sku: string; delta: number }) {
    if (!this.canPerform(client.data.user, 'adjustStock')) {
      throw new WsException('Forbidden');
    }
    if (!dto.sku) {
      throw new WsException('sku required');
    }
    const item = await this.inventory.updateQuantity(dto.sku, dto.delta);
    client.emit('stockAdjusted', item);
  }

  // ok: missing-message-authz -- a read
  @SubscribeMessage('stock')
  async stock(@MessageBody('sku') sku: string) {
    return this.inventory.quantityOf(sku);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
