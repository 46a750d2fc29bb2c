import { SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import { Server, WebSocket } from 'ws';
import { GameService } from './game.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ path: '/game' })
export class GameGateway {
  @WebSocketServer()
  server: Server;

  constructor(private readonly game: GameService) {}

  @SubscribeMessage('move')
  onMove(@ConnectedSocket() client: WebSocket, @MessageBody() data: { x: number; y: number }) {
    const state = this.game.applyMove(data.x, data.y);
    this.server.clients.forEach((c) => {
      if (c.readyState === WebSocket.OPEN) {
        // expect-no-fix: broadcast-to-all -- wsguard has no patch writer for NestJS endpoints yet
        // expect: broadcast-to-all
        c.send(JSON.stringify({ event: 'state', data: state }));
      }
    });
  }

  // expect: missing-message-authz
  @SubscribeMessage('reset')
  onReset() {
    this.game.resetBoard();
    return { event: 'reset', data: true };
  }
}
