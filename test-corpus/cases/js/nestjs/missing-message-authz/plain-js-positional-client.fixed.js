import { WebSocketGateway, WebSocketServer, WsException, SubscribeMessage } from '@nestjs/websockets';
import { Dependencies } from '@nestjs/common';
import { Server } from 'socket.io';
import { MetricsService } from './metrics.service';

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// engine.io runs allowRequest on the handshake and upgrade requests: any other Origin gets 403 before Socket.IO
// connects. Nest builds one Socket.IO server per port and path, from the options of the first gateway on it.
function allowOrigin(req, callback) {
  callback(null, ALLOWED_ORIGINS.has(req.headers.origin ?? ''));
}

// expect: missing-upgrade-auth
// expect: missing-origin-check
@WebSocketGateway({ namespace: 'dashboard', allowRequest: allowOrigin })
@Dependencies(MetricsService)
export class DashboardGateway {
  @WebSocketServer()
  server;

  constructor(metrics) {
    this.metrics = metrics;
  }

  handleConnection(client) {
    const token = client.handshake.auth?.token ?? client.handshake.headers.authorization?.replace(/^Bearer /, '');
    const user = this.authenticateConnection(token);
    if (!user) {
      client.disconnect(true);
      return;
    }
    client.data.user = user;
  }

  // Rejects every connection until it is wired to the app's own check of the token (verified with the app's
  // key, e.g. JwtService.verify): return the user, or null to disconnect.
  authenticateConnection(token) {
    return null;
  }

  // expect: missing-message-authz
  @SubscribeMessage('resetCounters')
  handleReset(client, data) {
    if (!this.canPerform(client.data.user, 'resetCounters')) {
      throw new WsException('Forbidden');
    }
    this.metrics.resetCounters(data.name);
    return { event: 'reset', data: data.name };
  }

  @SubscribeMessage('snapshot')
  handleSnapshot() {
    return { event: 'snapshot', data: this.metrics.publicCounters() };
  }

  // Refuses every action until it is wired to the app's permission rules: return true only when the
  // connection's user may perform the action (a role it holds, or ownership of what the message targets).
  canPerform(user, action) {
    return false;
  }
}
