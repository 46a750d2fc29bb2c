package org.acme.board;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;

// expect: missing-origin-check
@WebSocket(path = "/board/admin") // ok: missing-upgrade-auth
public class BoardAdminSocket {

    private final BoardService boardService;

    public BoardAdminSocket(BoardService boardService) {
        this.boardService = boardService;
    }

    // the role is checked on every message
    @RolesAllowed("board-admin")
    @OnTextMessage
    public void onMessage(String boardId) { // ok: missing-message-authz
        boardService.deleteBoard(boardId);
    }
}
