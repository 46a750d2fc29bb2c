package org.acme.board;

import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

// the HTTP permission in application.properties secures the upgrade; form login makes it a cookie
// expect: missing-origin-check
@WebSocket(path = "/board/{boardId}") // ok: missing-upgrade-auth
public class BoardSocket {

    private final BoardService boardService;
    private final WebSocketConnection connection;

    public BoardSocket(BoardService boardService, WebSocketConnection connection) {
        this.boardService = boardService;
        this.connection = connection;
    }

    @OnTextMessage
    public void onMessage(BoardCommand command) {
        switch (command.action()) {
            // expect-no-fix: missing-message-authz -- which board members may archive cards is the app's decision, not a patch's
            case "archive" -> boardService.archiveCard(command.cardId()); // expect: missing-message-authz
            case "members" -> connection.broadcast()
                .sendTextAndAwait(boardService.listMembers(connection.pathParam("boardId"))); // expect: broadcast-to-all
            default -> connection.sendTextAndAwait("unknown action"); // ok: broadcast-to-all
        }
    }

    public record BoardCommand(String action, String cardId) {
    }
}
