// corpus: no-findings
package com.acme.helpdesk;

import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class TicketStore {

    public List<String> findOpenTickets(String filter) {
        return List.of("#4711 printer on fire (alice@example.com)", "#4712 password reset for bob");
    }
}
