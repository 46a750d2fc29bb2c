import { SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody, OnGatewayConnection } from '@nestjs/websockets';
import { Server, WebSocket } from 'ws';
import { DevicesService } from './devices.service';
import { IncomingMessage } from 'http';

// main.ts: app.useWebSocketAdapter(new WsAdapter(app))
// expect: missing-upgrade-auth
// expect-no-fix: missing-origin-check -- the ws adapter hands the options to ws, which has no allowRequest
// expect: missing-origin-check
@WebSocketGateway({ path: '/devices' })
export class DevicesGateway implements OnGatewayConnection {
  @WebSocketServer()
  server: Server;

  constructor(private readonly devices: DevicesService) {}

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

  // expect-no-fix: missing-message-authz -- the ws adapter's socket has no place where Nest code keeps the user
  // expect: missing-message-authz
  @SubscribeMessage('reboot')
  async reboot(@MessageBody() data: { deviceId: string }) {
    await this.devices.reboot(data.deviceId);
    return { event: 'rebooting', data: data.deviceId };
  }
}
