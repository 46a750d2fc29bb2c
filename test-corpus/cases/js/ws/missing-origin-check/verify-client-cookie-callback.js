import { WebSocketServer } from 'ws';
import { parse as parseCookie } from 'cookie';
import Redis from 'ioredis';
import pino from 'pino';

const redis = new Redis(process.env.REDIS_URL);
const log = pino();

// Two-parameter verifyClient: ws waits for the callback.
// ok: missing-upgrade-auth -- the sid cookie must map to a stored session, otherwise 401
// expect: missing-origin-check -- the Origin is only logged; credentials are a cookie (error)
const wss = new WebSocketServer({
  port: Number(process.env.WS_PORT || 7070),
  verifyClient(info, done) {
    log.debug({ origin: info.origin, ip: info.req.socket.remoteAddress }, 'ws upgrade');
    const { sid } = parseCookie(info.req.headers.cookie || '');
    if (!sid) return done(false, 401, 'Unauthorized');
    redis.hget(`sess:${sid}`, 'userId').then(
      (userId) => {
        if (!userId) return done(false, 401, 'Unauthorized');
        info.req.userId = userId;
        done(true);
      },
      (err) => {
        log.error(err);
        done(false, 500);
      },
    );
  },
});

wss.on('connection', (ws, req) => {
  const userId = req.userId;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'prefs:set': // ok: missing-message-authz -- writes only the connected user's own preferences
        await redis.hset(`prefs:${userId}`, msg.key, String(msg.value));
        ws.send(JSON.stringify({ type: 'prefs:saved', key: msg.key }));
        break;
      case 'notifications:list': {
        const items = await redis.lrange(`notif:${userId}`, 0, 49);
        ws.send(JSON.stringify({ type: 'notifications', items }));
        break;
      }
      default:
        ws.send(JSON.stringify({ type: 'error', code: 'unknown_type' }));
    }
  });
});
