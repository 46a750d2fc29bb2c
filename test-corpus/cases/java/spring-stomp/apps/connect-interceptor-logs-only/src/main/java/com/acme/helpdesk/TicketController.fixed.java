package com.acme.helpdesk;

import java.util.List;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

@Controller
public class TicketController {

    private final TicketStore ticketStore;

    public TicketController(TicketStore ticketStore) {
        this.ticketStore = ticketStore;
    }

    // no @SendTo: the reply goes to /topic/tickets.open, to every subscriber
    @SendToUser
    @MessageMapping("/tickets.open") // expect: broadcast-to-all
    public List<String> openTickets(@Payload String filter) {
        return ticketStore.findOpenTickets(filter);
    }

    // a subscription reply goes back to the subscriber only
    @SubscribeMapping("/tickets.mine") // ok: broadcast-to-all
    public List<String> myTickets() {
        return ticketStore.findOpenTickets("mine");
    }
}
