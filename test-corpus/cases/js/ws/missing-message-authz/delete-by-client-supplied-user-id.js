const WebSocket = require('ws');
const jwt = require('jsonwebtoken');
const db = require('./db');

function verifyClient({ req }) {
  const token = new URL(req.url, 'http://localhost').searchParams.get('token');
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET); // ok: unverified-token -- returns false on failure
    return true;
  } catch {
    return false;
  }
}

// ok: missing-origin-check -- explicit query token
const wss = new WebSocket.Server({ port: 8080, verifyClient }); // ok: missing-upgrade-auth

wss.on('connection', (ws, req) => {
  const me = req.user;
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    switch (msg.type) {
      case 'update-profile': // ok: missing-message-authz -- writes only the caller's own record
        await db.users.update(me.sub, { displayName: msg.displayName, bio: msg.bio });
        break;
      case 'delete-account': // expect: missing-message-authz
        await db.users.delete(msg.userId);
        ws.send(JSON.stringify({ type: 'deleted', userId: msg.userId }));
        break;
      case 'remove-comment': { // ok: missing-message-authz -- author checked
        const comment = await db.comments.get(msg.commentId);
        if (!comment || comment.authorId !== me.sub) return;
        await db.comments.delete(comment.id);
        break;
      }
    }
  });
});
