import { App, WebSocket } from 'uWebSockets.js';
import { collectHostMetrics, listTenants } from './metrics';

interface Client { id: number }

let nextId = 1;
const app = App();

// expect: missing-upgrade-auth
// expect-no-fix: missing-upgrade-auth -- the route types its user data (app.ws<Client>): the user is not ours to add to it
// expect-no-fix: missing-origin-check -- no upgrade handler to check the Origin in, and none can be added for the same reason
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
  // expect-no-fix: broadcast-to-all -- every connection subscribes to the topic and none has a user to scope it to
  app.publish('metrics', JSON.stringify({ host: collectHostMetrics(), tenants })); // expect: broadcast-to-all
}, 1000);

app.listen(9100, (token) => { if (!token) process.exit(1); });
