'use strict';
const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');

const ALLOWED_ORIGINS = new Set(['https://app.example.com', 'https://staging.example.com']);

class RealtimeHub {
  constructor(server) {
    this.sockets = new Map(); // userId -> WebSocket
    // ok: missing-origin-check -- Origin allow-list enforced in onUpgrade
    this.wss = new WebSocketServer({ noServer: true }); // expect: missing-upgrade-auth -- null from verifyToken is never checked
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.wss.on('connection', (ws, req, claims) => this.onConnection(ws, claims));
  }

  verifyToken(token) {
    try {
      return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }); // ok: unverified-token -- failure returns null; ignoring it is the caller's bug
    } catch {
      return null;
    }
  }

  onUpgrade(req, socket, head) {
    if (!ALLOWED_ORIGINS.has(req.headers.origin)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    const token = new URL(req.url, 'http://localhost').searchParams.get('token');
    const claims = this.verifyToken(token);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.wss.emit('connection', ws, req, claims);
    });
  }

  onConnection(ws, claims) {
    const userId = claims?.sub;
    this.sockets.set(userId, ws);
    ws.send(JSON.stringify({ type: 'ready', userId }));
    ws.on('close', () => this.sockets.delete(userId));
  }

  notifyUser(userId, event) {
    const ws = this.sockets.get(userId);
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event));
  }
}

module.exports = { RealtimeHub };
