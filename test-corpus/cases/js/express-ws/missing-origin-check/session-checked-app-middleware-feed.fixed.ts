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

// Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
const ALLOWED_ORIGINS = new Set((process.env.ALLOWED_ORIGINS || '').split(',').filter(Boolean));

// Route middleware: a browser page from any other Origin is refused before the handler runs
function checkWsOrigin(
  ws: { close(code?: number, reason?: string): void },
  req: import('http').IncomingMessage,
  next: () => void,
): void {
  if (!ALLOWED_ORIGINS.has(req.headers.origin ?? '')) {
    ws.close(1008, 'Forbidden');
    return;
  }
  next();
}

// ok: missing-upgrade-auth -- the session is checked by app middleware before the route
app.ws('/feed', checkWsOrigin, (ws, req) => { // expect: missing-origin-check
  const userId = (req.session as any).userId as string;
  ws.send(JSON.stringify({ hello: userId }));
});

app.listen(3000);
