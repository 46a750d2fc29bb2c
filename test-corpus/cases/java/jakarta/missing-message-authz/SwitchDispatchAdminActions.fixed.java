package com.example.wiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Set;

// ok: missing-upgrade-auth
// expect: missing-origin-check
@ServerEndpoint(value = "/wiki/editor", configurator = SwitchDispatchAdminActions.HandshakeGuard.class)
public class SwitchDispatchAdminActions {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PageService pageService = new PageService();
    private final UserAdminService userAdmin = new UserAdminService();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
        }
    }

    @OnMessage
    public void onMessage(String raw, Session session) throws IOException {
        JsonNode msg = MAPPER.readTree(raw);
        String type = msg.get("type").asText();
        switch (type) {
            case "view":
                session.getBasicRemote().sendText(pageService.render(msg.get("pageId").asText()));
                break;
            case "delete-page": // expect: missing-message-authz
                pageService.deletePage(msg.get("pageId").asText());
                break;
            case "ban-user": // expect: missing-message-authz
                userAdmin.banUser(msg.get("userId").asText());
                break;
            case "promote-user": // ok: missing-message-authz -- the role check guards it
                if (!session.getUserPrincipal().getName().equals("root") && !isAdmin(session)) {
                    session.getBasicRemote().sendText("{\"error\":\"forbidden\"}");
                    return;
                }
                userAdmin.promoteUser(msg.get("userId").asText());
                break;
            default:
                session.getBasicRemote().sendText("{\"error\":\"unknown type\"}");
        }
    }

    private static boolean isAdmin(Session session) {
        return Boolean.TRUE.equals(session.getUserProperties().get("admin"));
    }

    static class PageService {
        String render(String pageId) {
            return "";
        }

        void deletePage(String pageId) {
        }
    }

    static class UserAdminService {
        void banUser(String userId) {
        }

        void promoteUser(String userId) {
        }
    }

    /** Checks each handshake before the container upgrades it: throwing here fails the upgrade. */
    public static class HandshakeGuard extends ServerEndpointConfig.Configurator {
        // Browser Origins allowed to connect ("https://app.example.com"); while empty, every browser is refused
        private static final Set<String> ALLOWED_ORIGINS = Set.of();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue != null && ALLOWED_ORIGINS.contains(originHeaderValue);
        }
    }
}
