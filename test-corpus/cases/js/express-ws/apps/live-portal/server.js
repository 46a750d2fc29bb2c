// corpus: no-findings
const express = require('express');
const expressWs = require('express-ws');
const { verifyAccessToken } = require('./auth');

const app = express();
expressWs(app);

const statusRouter = require('./routes/status');
const liveRouter = require('./routes/live');

app.use(express.json());

// the status feed is public and mounted before the auth middleware
app.use('/status', statusRouter);

app.use((req, res, next) => {
  const header = req.headers.authorization || '';
  try {
    req.claims = verifyAccessToken(header.replace(/^Bearer /, ''));
  } catch (err) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  next();
});

app.use('/live', liveRouter);

app.listen(3000);
