import { SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody, OnGatewayConnection, ConnectedSocket } from '@nestjs/websockets';
import { Server, WebSocket } from 'ws';
import { GameService } from './game.service';
import { IncomingMessage } from 'http';

// expect: missing-upgrade-auth
// expect-no-fix: missing-origin-check -- the ws adapter hands the options to ws, which has no allowRequest
// expect: missing-origin-check
@WebSocketGateway({ path: '/game' })
export class GameGateway implements OnGatewayConnection {
  @WebSocketServer()
  server: Server;

  constructor(private readonly game: GameService) {}

  handleConnection(client: WebSocket, request: IncomingMessage): void {
    const user = this.authenticateConnection(request);
    if (!user) {
      client.close(1008);
      return;
    }
  }

  // Rejects every connection until it is wired to the app's own check of the upgrade request's credential
  // (its session cookie, or a token verified with the app's key): return the user, or null to close.
  private authenticateConnection(request: IncomingMessage): object | null {
    return null;
  }

  @SubscribeMessage('move')
  onMove(@ConnectedSocket() client: WebSocket, @MessageBody() data: { x: number; y: number }) {
    const state = this.game.applyMove(data.x, data.y);
    this.server.clients.forEach((c) => {
      if (c.readyState === WebSocket.OPEN) {
        // expect-no-fix: broadcast-to-all -- every player is meant to get the board; which of its fields are private is the game's call
        // expect: broadcast-to-all
        c.send(JSON.stringify({ event: 'state', data: state }));
      }
    });
  }

  // expect-no-fix: missing-message-authz -- the ws adapter's socket has no place where Nest code keeps the user
  // expect: missing-message-authz
  @SubscribeMessage('reset')
  onReset() {
    this.game.resetBoard();
    return { event: 'reset', data: true };
  }
}
