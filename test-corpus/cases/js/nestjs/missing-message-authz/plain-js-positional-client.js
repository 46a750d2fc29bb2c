import { WebSocketGateway, WebSocketServer, SubscribeMessage } from '@nestjs/websockets';
import { Dependencies } from '@nestjs/common';
import { Server } from 'socket.io';
import { MetricsService } from './metrics.service';

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'dashboard' })
@Dependencies(MetricsService)
export class DashboardGateway {
  @WebSocketServer()
  server;

  constructor(metrics) {
    this.metrics = metrics;
  }

  // expect: missing-message-authz
  @SubscribeMessage('resetCounters')
  handleReset(client, data) {
    this.metrics.resetCounters(data.name);
    return { event: 'reset', data: data.name };
  }

  @SubscribeMessage('snapshot')
  handleSnapshot() {
    return { event: 'snapshot', data: this.metrics.publicCounters() };
  }
}
