import type { Server as HttpServer } from 'http';
import { Server as IOServer, Socket } from 'socket.io';
import { verifySession } from './session-tokens';

export class GameServer {
  private io: IOServer;

  constructor(httpServer: HttpServer) {
    // ok: missing-upgrade-auth
    this.io = new IOServer(httpServer, { path: '/game' });
    this.io.use(async (socket, next) => {
      const player = await verifySession(socket.handshake.auth.sessionToken);
      if (!player) return next(new Error('unauthorized'));
      socket.data.player = player;
      next();
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
  }

  private onConnection(socket: Socket) {
    // expect: missing-message-authz -- any player can kick any other
    socket.on('kick', (targetId: string) => {
      this.io.in(targetId).disconnectSockets(true);
    });
    // ok: missing-message-authz -- only moderators may promote
    socket.on('promote', async (playerId: string) => {
      if (!socket.data.player.isModerator) return;
      await promotePlayer(playerId);
    });
  }
}

declare function promotePlayer(id: string): Promise<void>;
