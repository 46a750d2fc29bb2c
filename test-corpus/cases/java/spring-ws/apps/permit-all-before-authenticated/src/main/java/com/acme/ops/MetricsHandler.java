package com.acme.ops;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class MetricsHandler extends TextWebSocketHandler {

    private final List<WebSocketSession> subscribers = new CopyOnWriteArrayList<>();
    private final DeploymentService deploymentService;

    public MetricsHandler(DeploymentService deploymentService) {
        this.deploymentService = deploymentService;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        subscribers.add(session);
    }

    @Scheduled(fixedRate = 2000)
    public void pushMetrics() throws IOException {
        String json = "{\"uptime\":" + deploymentService.uptimeSeconds() + "}";
        for (WebSocketSession s : subscribers) {
            s.sendMessage(new TextMessage(json)); // ok: broadcast-to-all
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        subscribers.remove(session);
    }
}
