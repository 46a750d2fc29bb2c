package dev.wsguard.java.frameworks.netty;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;

/** What the Netty recogniser reads out of one file, for {@link NettyLinker}. */
final class NettyFacts {
  private NettyFacts() {}

  /**
   * A pipeline that upgrades to WebSocket: where {@code new WebSocketServerProtocolHandler(} is, and the handler
   * classes added before it (they see the HTTP upgrade request) and after it (they see frames and events).
   */
  record Pipeline(SourceLocation declaration, List<String> paths, List<String> before, List<String> after,
      List<String> unknowns) implements JavaFact {
    Pipeline {
      paths = List.copyOf(paths);
      before = List.copyOf(before);
      after = List.copyOf(after);
      unknowns = List.copyOf(unknowns);
    }
  }

  /**
   * A channel handler class of the project.
   *
   * @param requestGate the check of the HTTP request in {@code channelRead}/{@code channelRead0}; null when none
   * @param eventGate the check on the {@code HandshakeComplete} event in {@code userEventTriggered}; null when none
   * @param origin an Origin check of the request that refuses; null when none
   */
  record Handler(String className, Gate requestGate, Gate eventGate, OriginPolicy origin,
      List<MessageHandler> handlers, List<Send> sends) implements JavaFact {
    Handler {
      handlers = List.copyOf(handlers);
      sends = List.copyOf(sends);
    }
  }
}
