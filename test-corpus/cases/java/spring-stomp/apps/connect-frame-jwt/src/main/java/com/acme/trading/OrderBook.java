package com.acme.trading;

import java.util.List;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

@Service
public class OrderBook {

    private final SimpMessagingTemplate template;
    private final AccountRepository accountRepository;

    public OrderBook(SimpMessagingTemplate template, AccountRepository accountRepository) {
        this.template = template;
        this.accountRepository = accountRepository;
    }

    public void cancelOrder(String orderId) {
    }

    public void resetAlerts(String accountId) {
    }

    public List<String> findOrdersOf(String username) {
        return List.of();
    }

    @Scheduled(fixedRate = 500)
    public void publishQuotes() {
        template.convertAndSend("/topic/quotes", List.of("EURUSD 1.0841", "GBPUSD 1.2650")); // ok: broadcast-to-all
    }

    @Scheduled(fixedRate = 60000)
    public void publishLeaderboard() {
        // account balances of every trader, to every subscriber of the topic
        // expect-no-fix: broadcast-to-all -- a scheduled job: no sender in scope whose user the send could be scoped to
        template.convertAndSend("/topic/leaderboard", accountRepository.findTopBalances()); // expect: broadcast-to-all
    }
}
