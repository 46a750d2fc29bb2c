import { WebSocketGateway, SubscribeMessage, MessageBody, ConnectedSocket, WsException } from '@nestjs/websockets';
import { Socket } from 'socket.io';
import { InventoryService } from './inventory.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway(3010, { namespace: 'inventory', transports: ['websocket'] })
export class InventoryGateway {
  constructor(private readonly inventory: InventoryService) {}

  // expect: missing-message-authz
  @SubscribeMessage('adjustStock')
  async adjust(@ConnectedSocket() client: Socket, @MessageBody() dto: { sku: string; delta: number }) {
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
}
