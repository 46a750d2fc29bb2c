import { OnGatewayConnection, SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody, ConnectedSocket } from '@nestjs/websockets';
import { IncomingMessage } from 'http';
import { Server, WebSocket } from 'ws';
import { JwtService } from '@nestjs/jwt';
import { TelemetryService } from './telemetry.service';

// ok: missing-upgrade-auth
// ok: missing-origin-check -- a token the client code sends, not a cookie
@WebSocketGateway({ path: '/telemetry' })
export class TelemetryGateway implements OnGatewayConnection {
  @WebSocketServer()
  server: Server;

  constructor(private readonly jwt: JwtService, private readonly telemetry: TelemetryService) {}

  handleConnection(client: WebSocket, request: IncomingMessage) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('access_token');
    if (!token) {
      client.close(4401, 'missing token');
      return;
    }
    try {
      const device = this.jwt.verify(token);
      (client as WebSocket & { deviceId?: string }).deviceId = device.sub;
    } catch {
      client.close(4401, 'invalid token');
    }
  }

  @SubscribeMessage('reading')
  async reading(@ConnectedSocket() client: WebSocket, @MessageBody() data: { sensor: string; value: number }) {
    await this.telemetry.record(data.sensor, data.value);
    // ok: broadcast-to-all -- EventEmitter's emit on the ws server sends nothing to clients
    this.server.emit('reading', data);
  }
}
