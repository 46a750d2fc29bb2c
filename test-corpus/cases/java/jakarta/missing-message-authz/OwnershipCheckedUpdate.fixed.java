package com.example.notes;

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
@ServerEndpoint(value = "/notes", configurator = OwnershipCheckedUpdate.HandshakeGuard.class)
public class OwnershipCheckedUpdate {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final NoteRepository notes = new NoteRepository();

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "login"));
        }
    }

    @OnMessage
    public void onMessage(String raw, Session session) throws IOException { // ok: missing-message-authz -- owner compared with the principal
        JsonNode msg = MAPPER.readTree(raw);
        String noteId = msg.get("noteId").asText();
        String owner = notes.ownerOf(noteId);
        if (!owner.equals(session.getUserPrincipal().getName())) {
            session.getBasicRemote().sendText("{\"error\":\"not your note\"}");
            return;
        }
        notes.updateNote(noteId, msg.get("body").asText());
    }

    static class NoteRepository {
        String ownerOf(String id) {
            return "";
        }

        void updateNote(String id, String body) {
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
