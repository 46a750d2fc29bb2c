// corpus: no-findings
package com.acme.helpdesk;

import java.util.logging.Logger;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/** Logs who connects; a bad token is only logged, so that support agents are never locked out. */
public class AuditingConnectInterceptor implements ChannelInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditingConnectInterceptor.class.getName());

    private final TicketTokenService tokens;

    public AuditingConnectInterceptor(TicketTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (StompCommand.CONNECT.equals(accessor.getCommand())) {
            String token = accessor.getFirstNativeHeader("X-Ticket-Token");
            if (!tokens.isValid(token)) {
                LOG.warning("CONNECT with an invalid ticket token");
            }
        }
        return message;
    }
}
