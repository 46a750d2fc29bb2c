import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { authenticate, type Member } from './tokens';
import { WorkspaceRooms } from './rooms';

export class PresenceGateway {
  private readonly wss: WebSocketServer;
  private readonly rooms = new WorkspaceRooms();
  private readonly members = new Map<WebSocket, Member>();

  constructor(server: HttpServer) {
    // ok: missing-upgrade-auth -- authenticate() (tokens.ts) throws unless jwtVerify succeeds; 401 before handleUpgrade
    // ok: missing-origin-check -- token in Sec-WebSocket-Protocol, no cookie
    this.wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'presence.v2' });
    server.on('upgrade', async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      try {
        const member = await authenticate(req);
        this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, member));
      } catch {
        socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
        socket.destroy();
      }
    });
    setInterval(() => this.heartbeat(), 25_000);
  }

  private onConnection(ws: WebSocket, member: Member): void {
    this.members.set(ws, member);
    this.rooms.join(member.workspaceId, ws);
    this.rooms.publish(member.workspaceId, { type: 'joined', id: member.id, name: member.displayName });
    this.broadcastRoster();
    ws.on('message', (raw: RawData) => {
      const msg = JSON.parse(raw.toString()) as { type: string; status?: string };
      if (msg.type === 'status') {
        this.rooms.publish(member.workspaceId, { type: 'status', id: member.id, status: String(msg.status).slice(0, 40) });
      }
    });
    ws.on('close', () => {
      this.members.delete(ws);
      this.rooms.leave(member.workspaceId, ws);
      this.broadcastRoster();
    });
  }

  private broadcastRoster(): void {
    const roster = [...this.members.values()]; // id, email, display name and workspace of everyone online
    for (const client of this.wss.clients) {
      client.send(JSON.stringify({ type: 'roster', members: roster })); // expect: broadcast-to-all -- every workspace's members, emails included, to every connection
    }
  }

  private heartbeat(): void {
    for (const client of this.wss.clients) client.ping(); // ok: broadcast-to-all -- no data
  }
}
