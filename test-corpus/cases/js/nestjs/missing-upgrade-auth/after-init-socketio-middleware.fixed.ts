import { Logger } from '@nestjs/common';
import {
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
  MessageBody,
  ConnectedSocket,
} from '@nestjs/websockets';
import { JwtService } from '@nestjs/jwt';
import { Namespace, Socket } from 'socket.io';
import { DocumentsService } from './documents.service';

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ namespace: 'docs', transports: ['websocket'] })
export class DocsGateway implements OnGatewayInit {
  private readonly logger = new Logger(DocsGateway.name);

  @WebSocketServer()
  server: Namespace;

  constructor(private readonly jwt: JwtService, private readonly docs: DocumentsService) {}

  afterInit(server: Namespace) {
    server.use(async (socket, next) => {
      try {
        const token = socket.handshake.auth.token;
        socket.data.user = await this.jwt.verifyAsync(token);
        next();
      } catch (e) {
        next(new Error('unauthorized'));
      }
    });
    this.logger.log('docs gateway ready');
  }

  @SubscribeMessage('edit')
  async edit(@ConnectedSocket() socket: Socket, @MessageBody() body: { docId: string; ops: unknown[] }) {
    const canEdit = await this.docs.canEdit(socket.data.user.sub, body.docId);
    if (!canEdit) {
      return { event: 'error', data: 'forbidden' };
    }
    await this.docs.applyOps(body.docId, body.ops);
    socket.to(`doc:${body.docId}`).emit('ops', body.ops);
  }

  // expect: missing-message-authz
  @SubscribeMessage('deleteDoc')
  async remove(@ConnectedSocket() client: Socket, @MessageBody() body: { docId: string }) {
    if (!this.canPerform(client.data.user, 'deleteDoc')) {
      throw new WsException('Forbidden');
    }
    await this.docs.deleteDocument(body.docId);
    // expect: broadcast-to-all
    this.server.emit('docDeleted', { docId: body.docId, title: await this.docs.titleOf(body.docId) });
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  private canPerform(user: unknown, action: string): boolean {
    return false;
  }
}
