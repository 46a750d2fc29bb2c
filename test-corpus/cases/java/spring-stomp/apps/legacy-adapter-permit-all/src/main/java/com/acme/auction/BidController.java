package com.acme.auction;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;

@Controller
public class BidController {

    private final LotService lotService;

    public BidController(LotService lotService) {
        this.lotService = lotService;
    }

    @MessageMapping("/bid")
    // expect-no-fix: broadcast-to-all -- a relay among anonymous clients: the remedy is authenticating the endpoint, not scoping the relay to its sender
    @SendTo("/topic/bids") // expect: broadcast-to-all
    public Bid placeBid(@Payload Bid bid) {
        // anyone can connect (permitAll on /stomp/**), so every bid is relayed to anonymous listeners
        return bid;
    }

    @Secured("ROLE_AUCTIONEER")
    @MessageMapping("/lot.close")
    public void closeLot(@Payload String lotId) { // ok: missing-message-authz
        lotService.closeLot(lotId);
    }

    public record Bid(String lotId, long amount) {
    }
}
