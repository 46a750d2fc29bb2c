// corpus: no-findings
package com.acme.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

@Service
public class MessageService {

    private final Map<String, String> messages = new ConcurrentHashMap<>();
    private final Map<String, Boolean> pinned = new ConcurrentHashMap<>();

    public void deleteMessage(String messageId) {
        messages.remove(messageId);
    }

    public void pinMessage(String messageId) {
        pinned.put(messageId, Boolean.TRUE);
    }

    public boolean isModerator(String username) {
        return username.startsWith("mod-");
    }
}
