import { Logger } from '@nestjs/common';
import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, ConnectedSocket, MessageBody } from '@nestjs/websockets';
import { Socket } from 'socket.io';
import * as jwt from 'jsonwebtoken';
import { TasksService } from './tasks.service';

const JWT_SECRET = process.env.JWT_SECRET ?? 'change-me';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'tasks' })
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
    await this.tasks.updateStatus(body.taskId, 'done');
    client.to(`team:${client.data.user?.teamId}`).emit('taskCompleted', body.taskId);
  }
}
