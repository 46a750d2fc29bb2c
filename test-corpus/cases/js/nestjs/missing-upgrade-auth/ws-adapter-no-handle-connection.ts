import { SubscribeMessage, WebSocketGateway, WebSocketServer, MessageBody } from '@nestjs/websockets';
import { Server } from 'ws';
import { DevicesService } from './devices.service';

// main.ts: app.useWebSocketAdapter(new WsAdapter(app))
// expect: missing-upgrade-auth
// expect-no-fix: missing-origin-check -- the ws adapter hands the options to ws, which has no allowRequest
// expect: missing-origin-check
@WebSocketGateway({ path: '/devices' })
export class DevicesGateway {
  @WebSocketServer()
  server: Server;

  constructor(private readonly devices: DevicesService) {}

  // expect-no-fix: missing-message-authz -- the ws adapter's socket has no place where Nest code keeps the user
  // expect: missing-message-authz
  @SubscribeMessage('reboot')
  async reboot(@MessageBody() data: { deviceId: string }) {
    await this.devices.reboot(data.deviceId);
    return { event: 'rebooting', data: data.deviceId };
  }
}
