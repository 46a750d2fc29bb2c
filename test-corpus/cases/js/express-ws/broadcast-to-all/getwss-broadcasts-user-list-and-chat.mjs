import express from 'express';
import expressWs from 'express-ws';
import { expressjwt } from 'express-jwt';
import { pool } from './db.js';

const app = express();
const wsApp = expressWs(app);
const wss = wsApp.getWss();

const requireJwt = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] });

// ok: missing-origin-check -- express-jwt reads the Authorization bearer token
app.ws('/team', requireJwt, (ws, req) => { // ok: missing-upgrade-auth -- express-jwt verifies before the handler
  const author = req.auth.name;
  ws.on('message', async (raw) => {
    const { type, text } = JSON.parse(raw);
    if (type === 'chat') {
      for (const client of wss.clients) {
        client.send(JSON.stringify({ author, text })); // ok: broadcast-to-all -- chat relay on an authenticated endpoint
      }
    } else if (type === 'roster') {
      const { rows } = await pool.query('SELECT id, email, last_login FROM users');
      wss.clients.forEach((client) => {
        // expect-no-fix: broadcast-to-all -- which of the users' fields the whole team may see is the app's call; no fail-closed edit exists
        client.send(JSON.stringify({ type: 'roster', rows })); // expect: broadcast-to-all
      });
    }
  });
});

app.listen(8081);
