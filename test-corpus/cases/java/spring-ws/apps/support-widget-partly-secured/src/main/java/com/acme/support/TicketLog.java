// corpus: no-findings
package com.acme.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;

@Service
public class TicketLog {
    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    public void record(String conversationId, String author, String text) {
        lines.computeIfAbsent(conversationId, k -> new CopyOnWriteArrayList<>()).add(author + ": " + text);
    }
}
