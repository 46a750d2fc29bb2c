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

// expect: missing-upgrade-auth
app.ws('/api/tickets/live', handleTicketFeed); // expect: missing-origin-check

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => {
  console.log(`support api on :${port}`);
});
