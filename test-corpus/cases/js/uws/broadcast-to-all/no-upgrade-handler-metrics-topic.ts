import { App, WebSocket } from 'uWebSockets.js';
import { collectHostMetrics, listTenants } from './metrics';

interface Client { id: number }

let nextId = 1;
const app = App();

// expect: missing-upgrade-auth
app.ws<Client>('/metrics', { // expect: missing-origin-check
  open: (ws: WebSocket<Client>) => {
    ws.getUserData().id = nextId++;
    ws.subscribe('metrics');
  },
  message: (ws, message, isBinary) => {
    ws.send(message, isBinary);
  },
});

setInterval(async () => {
  const tenants = await listTenants();
  // expect-no-fix: broadcast-to-all -- wsguard has no patch writer for uws endpoints yet
  app.publish('metrics', JSON.stringify({ host: collectHostMetrics(), tenants })); // expect: broadcast-to-all
}, 1000);

app.listen(9100, (token) => { if (!token) process.exit(1); });
