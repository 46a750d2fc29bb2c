package org.acme.board;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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
