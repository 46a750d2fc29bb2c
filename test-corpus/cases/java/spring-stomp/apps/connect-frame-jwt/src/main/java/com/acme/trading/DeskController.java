package com.acme.trading;

import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Controller;

@Controller
public class DeskController {

    private final OrderBook orderBook;
    private final SimpMessagingTemplate messagingTemplate;

    public DeskController(OrderBook orderBook, SimpMessagingTemplate messagingTemplate) {
        this.orderBook = orderBook;
        this.messagingTemplate = messagingTemplate;
    }

    // only TRADER may send to /app/desk/**: the message security rule is the permission check
    @MessageMapping("/desk/cancel")
    public void cancelOrder(@Payload CancelRequest request, Principal principal) { // ok: missing-message-authz
        orderBook.cancelOrder(request.orderId());
        messagingTemplate.convertAndSendToUser(principal.getName(), "/queue/orders", // ok: broadcast-to-all
                orderBook.findOrdersOf(principal.getName()));
    }

    // any signed-in user may send here: authenticated() is no permission check
    @MessageMapping("/alerts/reset")
    public void resetAlerts(@Payload AlertReset reset) { // expect: missing-message-authz
        orderBook.resetAlerts(reset.accountId());
    }

    public record CancelRequest(String orderId) {
    }

    public record AlertReset(String accountId) {
    }
}
