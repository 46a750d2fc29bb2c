// corpus: no-findings
package com.acme.support;

import java.io.IOException;
import java.security.Principal;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

@Component
public class SupportChatHandler extends TextWebSocketHandler {

    private final TicketLog ticketLog;

    public SupportChatHandler(TicketLog ticketLog) {
        this.ticketLog = ticketLog;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Principal agent = session.getPrincipal();
        String author = agent == null ? "visitor" : agent.getName();
        ticketLog.record(session.getId(), author, message.getPayload());
        session.sendMessage(new TextMessage("{\"received\":true}"));
    }
}
