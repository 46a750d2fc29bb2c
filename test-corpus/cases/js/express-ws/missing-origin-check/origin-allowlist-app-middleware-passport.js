const express = require('express');
const session = require('express-session');
const passport = require('passport');
const expressWs = require('express-ws');
const { Inbox } = require('./inbox');

const ALLOWED_ORIGINS = new Set(['https://mail.example.com', 'https://admin.example.com']);

const app = express();
expressWs(app);

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());

// express-ws calls route middleware as (ws, req, next)
function sameSiteOnly(ws, req, next) {
  const origin = req.headers.origin;
  if (!ALLOWED_ORIGINS.has(origin)) {
    return ws.close(1008, 'origin not allowed');
  }
  next();
}

function signedIn(ws, req, next) {
  if (!req.isAuthenticated()) {
    return ws.close(4401, 'sign in first');
  }
  next();
}

// ok: missing-origin-check -- the session cookie is ambient, but foreign Origins are refused
app.ws('/inbox', sameSiteOnly, signedIn, (ws, req) => { // ok: missing-upgrade-auth -- passport session checked
  Inbox.subscribe(req.user.id, (mail) => ws.send(JSON.stringify(mail)));
});

// expect: missing-origin-check
app.ws('/inbox/preview', signedIn, (ws, req) => { // ok: missing-upgrade-auth -- passport session checked
  Inbox.latest(req.user.id).then((mail) => ws.send(JSON.stringify(mail)));
});

app.listen(8443);
