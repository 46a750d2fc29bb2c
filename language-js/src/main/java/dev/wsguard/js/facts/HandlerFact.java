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
 * @param messageIndex the message's parameter, or {@link DelegateFact#NO_MESSAGE} / {@link DelegateFact#SERVER}
 * @param guards what the function adds to the endpoint's authentication (a Socket.IO module handed the server
 *     registers {@code io.use} middleware there); empty for message handlers
 * @param delegates functions of other modules it hands the connection on to, in turn
 */
public record HandlerFact(
    String functionKey, int socketIndex, int messageIndex, List<MessageHandler> handlers, List<Send> sends,
    List<GuardFact> guards, List<DelegateFact> delegates) {

  public HandlerFact(String functionKey, int socketIndex, int messageIndex, List<MessageHandler> handlers,
      List<Send> sends) {
    this(functionKey, socketIndex, messageIndex, handlers, sends, List.of(), List.of());
  }

  public HandlerFact {
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
    guards = List.copyOf(guards);
    delegates = List.copyOf(delegates);
  }
}
