package dev.wsguard.js.facts;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import java.util.List;

/**
 * What an exported function does when it is handed a connection and a message (its parameters at
 * {@code socketIndex} and {@code messageIndex}): the message types it handles and the sends it makes. Link time
 * attaches it to the endpoints whose message handlers delegate to it ({@link DelegateFact}).
 *
 * @param functionKey the function's key in its file
 */
public record HandlerFact(
    String functionKey, int socketIndex, int messageIndex, List<MessageHandler> handlers, List<Send> sends) {
  public HandlerFact {
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
  }
}
