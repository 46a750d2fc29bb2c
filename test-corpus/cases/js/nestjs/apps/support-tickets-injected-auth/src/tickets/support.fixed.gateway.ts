import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from '@nestjs/websockets';
import { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { TicketsService } from './tickets.service';

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: '/support' })
export class SupportGateway implements OnGatewayConnection {
  @WebSocketServer() server: Server;

  constructor(private readonly auth: AuthService, private readonly tickets: TicketsService) {}

  async handleConnection(client: Socket) {
    try {
      const agent = await this.auth.verifyToken(client.handshake.auth.token);
      client.data.agent = agent;
      client.join(`team:${agent.team}`);
    } catch {
      client.disconnect(true);
    }
  }

  // expect: missing-message-authz
  @SubscribeMessage('closeTicket')
  async close(@ConnectedSocket() client: Socket, @MessageBody() body: { ticketId: string }) {
    if (!this.canPerform(client.data.agent, 'closeTicket')) {
      throw new WsException('Forbidden');
    }
    await this.tickets.updateStatus(body.ticketId, 'closed');
    const ticket = await this.tickets.findById(body.ticketId);
    // expect-no-fix: broadcast-to-all -- the fix is to send the team's room only what it needs, not to pick one user
    // expect: broadcast-to-all
    this.server.emit('ticketClosed', ticket);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
