const { WebSocketGateway, WebSocketServer, SubscribeMessage } = require('@nestjs/websockets');
const { Dependencies } = require('@nestjs/common');
const { PricesService } = require('./prices.service');

// expect-no-fix: missing-upgrade-auth -- the file does not say whether the Socket.IO or the ws adapter runs it
// expect: missing-upgrade-auth
// expect-no-fix: missing-origin-check -- the file does not say whether the Socket.IO or the ws adapter runs it
// expect: missing-origin-check
@WebSocketGateway(8081, { transports: ['websocket'] })
@Dependencies(PricesService)
class TickerGateway {
  @WebSocketServer()
  server;

  constructor(prices) {
    this.prices = prices;
    setInterval(() => {
      const prices = this.prices.latest();
      // ok: broadcast-to-all
      this.server.emit('prices', { prices, time: Date.now() });
    }, 1000);
  }

  @SubscribeMessage('subscribe')
  handleSubscribe(client, data) {
    client.join(`ticker:${data.symbol}`);
    return { event: 'subscribed', data: data.symbol };
  }
}

module.exports = { TickerGateway };
