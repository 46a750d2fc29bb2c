package com.acme.ops;

import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class AdminConsoleHandler extends TextWebSocketHandler {

    private final DeploymentService deploymentService;

    public AdminConsoleHandler(DeploymentService deploymentService) {
        this.deploymentService = deploymentService;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String command = message.getPayload().trim();
        if ("restart".equals(command)) { // expect: missing-message-authz
            if (!isAllowed(session.getPrincipal(), "restart")) {
                session.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            deploymentService.restartService("api");
            session.sendMessage(new TextMessage("restarting api"));
        } else if ("status".equals(command)) {
            session.sendMessage(new TextMessage(deploymentService.describe()));
        }
    }

    // Denies every action until it is wired to the app's permission model (the user's roles, or whether
    // the user owns what the message names): return true only when the user may perform the action.
    private static boolean isAllowed(Principal user, String action) {
        return false;
    }
}
