const { WebSocketServer } = require('ws');
const { createClient } = require('@supabase/supabase-js');
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);

// the answer of auth.getUser is never checked: a bad token still connects
// expect: missing-upgrade-auth
// expect: missing-origin-check
const wss = new WebSocketServer({
  port: 8081,
  verifyClient: async (info, done) => {
    const token = new URL(info.req.url, 'http://x').searchParams.get('token');
    const { data } = await supabase.auth.getUser(token);
    info.req.user = data.user;
    done(true);
  },
});
wss.on('connection', (ws) => ws.send('hi'));
