// corpus: no-findings
import express from 'express';

const app = express();
app.get('/healthz', (req, res) => res.send('ok'));
export default app;
