import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, WsException, ConnectedSocket, MessageBody } from '@nestjs/websockets';
import { Socket } from 'socket.io';
import * as jwt from 'jsonwebtoken';
import { TasksService } from './tasks.service';

const JWT_SECRET = process.env.JWT_SECRET ?? 'change-me';

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
@WebSocketGateway({ namespace: 'tasks', allowRequest: allowOrigin })
export class TasksGateway implements OnGatewayConnection {
  private readonly logger = new Logger('TasksGateway');

  constructor(private readonly tasks: TasksService) {}

  handleConnection(client: Socket) {
    const token = client.handshake.query.token as string;
    try {
      // expect: unverified-token
      const user = jwt.verify(token, JWT_SECRET) as { id: string; teamId: string };
      client.data.user = user;
      client.join(`team:${user.teamId}`);
    } catch (err) {
      // the client stays connected as a guest
      this.logger.warn(`token rejected for ${client.id}: ${(err as Error).message}`);
    }
  }

  // expect: missing-message-authz
  @SubscribeMessage('completeTask')
  async complete(@ConnectedSocket() client: Socket, @MessageBody() body: { taskId: string }) {
    if (!this.canPerform(client.data.user, 'completeTask')) {
      throw new WsException('Forbidden');
    }
    await this.tasks.updateStatus(body.taskId, 'done');
    client.to(`team:${client.data.user?.teamId}`).emit('taskCompleted', body.taskId);
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
