import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { UsersService } from './users.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway(4001, { cors: { origin: '*' } })
export class PresenceGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer()
  server: Server;

  private online = new Map<string, string>();

  constructor(private readonly users: UsersService) {}

  async handleConnection(client: Socket) {
    const userId = client.handshake.query.userId as string;
    console.log(`client connected: ${client.id} (${userId})`);
    this.online.set(client.id, userId);
    const profiles = await this.users.findByIds([...this.online.values()]);
    // expect: broadcast-to-all
    this.server.emit('presence', profiles.map((u) => ({ id: u.id, email: u.email, lastSeen: u.lastSeen })));
  }

  handleDisconnect(client: Socket) {
    this.online.delete(client.id);
    this.server.emit('left', client.id);
  }
}
