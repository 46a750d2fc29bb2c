package org.acme.board;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    // Runs before the upgrade of every websockets-next endpoint of the application: a browser page from an
    // Origin not listed in ALLOWED_ORIGINS gets 403
    @ApplicationScoped
    public static class OriginCheck implements HttpUpgradeCheck {
        // Comma-separated, e.g. https://app.example.com; while it is empty every browser connection is refused
        private static final Set<String> ALLOWED_ORIGINS =
                Arrays.stream(System.getenv().getOrDefault("ALLOWED_ORIGINS", "").split(","))
                        .map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.toUnmodifiableSet());

        @Override
        public Uni<CheckResult> perform(HttpUpgradeContext context) {
            // browsers always send Origin on a WebSocket upgrade; other clients are left to authentication
            String origin = context.httpRequest().getHeader("Origin");
            if (origin != null && !ALLOWED_ORIGINS.contains(origin)) {
                return CheckResult.rejectUpgrade(403);
            }
            return CheckResult.permitUpgrade();
        }
    }
}
