const { WebSocketServer } = require('ws');
const { createClient } = require('@supabase/supabase-js');
const supabase = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);

// Supabase's auth.getUser asks the auth server about the token and answers { error } when it is not valid
// ok: missing-upgrade-auth
// ok: missing-origin-check
const wss = new WebSocketServer({
  port: 8080,
  verifyClient: async (info, done) => {
    const token = new URL(info.req.url, 'http://x').searchParams.get('token');
    const { data, error } = await supabase.auth.getUser(token);
    if (error || !data.user) {
      return done(false, 401);
    }
    info.req.user = data.user;
    done(true);
  },
});
wss.on('connection', (ws) => ws.send('hi'));
