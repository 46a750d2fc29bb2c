import express from 'express';
import expressWs from 'express-ws';
import cors from 'cors';
import { handleTicketFeed } from './ticket-feed';

const { app } = expressWs(express());

app.use(cors({ origin: process.env.WEB_ORIGIN }));
app.use(express.json());

app.get('/api/health', (_req, res) => {
  res.json({ status: 'ok' });
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

// expect: missing-upgrade-auth
app.ws('/api/tickets/live', checkWsOrigin, authenticateWs, handleTicketFeed); // expect: missing-origin-check

// express-ws calls route middleware as (ws, req, next) before the handler, which runs only on next()
function authenticateWs(
  ws: { close(code?: number, reason?: string): void },
  req: import('http').IncomingMessage & { user?: unknown },
  next: () => void,
): void {
  const user = authenticateUpgrade(req);
  if (!user) {
    ws.close(1008, 'Unauthorized');
    return;
  }
  req.user = user;
  next();
}

// Refuses every connection until it is wired to the app's own check of the request's credential (its session
// cookie, or a token verified with the app's key): return the user, or null to refuse.
function authenticateUpgrade(req: import('http').IncomingMessage & { user?: unknown }): object | null {
  return null;
}

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => {
  console.log(`support api on :${port}`);
});
