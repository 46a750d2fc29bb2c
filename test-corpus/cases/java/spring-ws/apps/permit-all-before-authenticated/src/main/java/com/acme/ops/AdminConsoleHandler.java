package com.acme.ops;

import java.io.IOException;
import org.springframework.stereotype.Component;
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
            deploymentService.restartService("api");
            session.sendMessage(new TextMessage("restarting api"));
        } else if ("status".equals(command)) {
            session.sendMessage(new TextMessage(deploymentService.describe()));
        }
    }
}
