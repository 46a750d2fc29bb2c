import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { UsersService } from './users.service';

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
@WebSocketGateway(4001, { cors: { origin: '*' }, allowRequest: allowOrigin })
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
