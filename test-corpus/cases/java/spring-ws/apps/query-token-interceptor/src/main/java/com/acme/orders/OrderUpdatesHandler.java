package com.acme.orders;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class OrderUpdatesHandler extends TextWebSocketHandler {

    private final Map<String, WebSocketSession> sessionsByCustomer = new ConcurrentHashMap<>();
    private final OrderRepository orderRepository;

    public OrderUpdatesHandler(OrderRepository orderRepository) {
        this.orderRepository = orderRepository;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        sessionsByCustomer.put((String) session.getAttributes().get("customerId"), session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Map<String, Object> request = JsonParserFactory.getJsonParser().parseMap(message.getPayload());
        if ("refresh".equals(request.get("action"))) {
            Collection<WebSocketSession> everyone = sessionsByCustomer.values();
            String snapshot = String.valueOf(orderRepository.findOpenOrders());
            for (WebSocketSession s : everyone) {
                // expect-no-fix: broadcast-to-all -- a loop over the handler's own sessions: which session is whose user is the app's bookkeeping, so the patch cannot pick the recipient
                s.sendMessage(new TextMessage(snapshot)); // expect: broadcast-to-all
            }
        }
    }

    public void orderChanged(String customerId, String orderJson) throws IOException {
        WebSocketSession owner = sessionsByCustomer.get(customerId);
        if (owner != null && owner.isOpen()) {
            owner.sendMessage(new TextMessage(orderJson)); // ok: broadcast-to-all
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessionsByCustomer.values().remove(session);
    }
}
