function deny(ws, type) {
  ws.send(JSON.stringify({ type: 'error', code: 'forbidden', for: type }));
}

export async function handleMessage(wss, ws, msg, store) {
  switch (msg.type) {
    case 'card:move': { // ok: missing-message-authz -- board membership of the connection's user is checked
      if (!(await store.isBoardMember(msg.boardId, ws.user.sub))) return deny(ws, msg.type);
      await store.moveCard(msg.boardId, msg.cardId, msg.toColumn, msg.position);
      const board = await store.getBoard(msg.boardId);
      wss.clients.forEach((client) => {
        client.send(JSON.stringify({ type: 'board', board })); // expect: broadcast-to-all -- a private board's cards go to every connection
      });
      break;
    }
    case 'card:delete': // expect: missing-message-authz -- deletes any card id the client sends, no membership check
      await store.deleteCard(msg.cardId);
      ws.send(JSON.stringify({ type: 'card:deleted', cardId: msg.cardId }));
      break;
    case 'board:archive': // ok: missing-message-authz -- restricted to owners and admins
      if (ws.user.role !== 'owner' && ws.user.role !== 'admin') return deny(ws, msg.type);
      await store.archiveBoard(msg.boardId, ws.user.sub);
      ws.send(JSON.stringify({ type: 'board:archived', boardId: msg.boardId }));
      break;
    case 'me:setStatus': // ok: missing-message-authz -- writes only the connection's own status
      await store.setStatus(ws.user.sub, String(msg.status).slice(0, 80));
      break;
    default:
      deny(ws, msg.type);
  }
}
