import express, { Request, Response, NextFunction } from 'express';
import session from 'express-session';
import expressWs from 'express-ws';

const { app } = expressWs(express());

app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.use((req: Request, res: Response, next: NextFunction) => {
  if (!(req.session as any).userId) {
    res.status(401).end();
    return;
  }
  next();
});

// ok: missing-upgrade-auth -- the session is checked by app middleware before the route
app.ws('/feed', (ws, req) => { // expect: missing-origin-check
  const userId = (req.session as any).userId as string;
  ws.send(JSON.stringify({ hello: userId }));
});

app.listen(3000);
