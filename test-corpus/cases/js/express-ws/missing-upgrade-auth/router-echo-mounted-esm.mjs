import express from 'express';
import expressWs from 'express-ws';

const app = express();
expressWs(app);
const router = express.Router();

// expect: missing-upgrade-auth
router.ws('/echo', (ws) => { // expect: missing-origin-check
  ws.on('message', (msg) => ws.send(msg));
});

app.use('/ws', router);
app.listen(8080);
