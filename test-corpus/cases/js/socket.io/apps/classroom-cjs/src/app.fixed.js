const express = require('express');
const http = require('http');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const redis = require('./redis');

const app = express();
const sessionMiddleware = session({
  store: new RedisStore({ client: redis }),
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: 'lax' },
});
app.use(sessionMiddleware);

const server = http.createServer(app);

// The Origins the app's pages are served from, e.g. https://app.example.com: until they are listed,
// every browser connection is refused
const ALLOWED_ORIGINS = [];

// expect: missing-origin-check -- the session cookie authorises every socket and no Origin is checked
// ok: missing-upgrade-auth -- sockets/index.js refuses sockets whose session has no user
const io = require('socket.io')(server, { cors: { origin: 'https://class.example.edu', credentials: true }, allowRequest: (req, callback) => callback(null, ALLOWED_ORIGINS.includes(req.headers.origin)) });

require('./sockets')(io, sessionMiddleware);

server.listen(process.env.PORT || 8080);
