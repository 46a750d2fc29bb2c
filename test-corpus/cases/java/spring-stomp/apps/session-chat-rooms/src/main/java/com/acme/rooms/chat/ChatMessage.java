// corpus: no-findings
package com.acme.rooms.chat;

public record ChatMessage(String from, String text, String sentAt) {
}
