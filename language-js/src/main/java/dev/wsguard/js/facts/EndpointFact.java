package dev.wsguard.js.facts;

import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import java.util.List;

/**
 * An endpoint declared in a file, with what its file shows about it; other files add {@link PartFact}s.
 *
 * @param binding the local name the server is bound to ("wss"), for matching exports; null when unbound
 * @param delegates message handlers that hand the connection to a function of another module
 * @param guardedHandlers handlers whose permission check rests on guards of other modules
 * @param noServer true for {@code noServer: true}: connections come only through an upgrade handler
 */
public record EndpointFact(
    Framework framework,
    SourceLocation declaration,
    String binding,
    List<String> paths,
    Limits limits,
    boolean noServer,
    List<GuardFact> guards,
    List<MessageHandler> handlers,
    List<Send> sends,
    List<String> unknowns,
    List<DelegateFact> delegates,
    List<GuardedHandlerFact> guardedHandlers) {

  public EndpointFact(Framework framework, SourceLocation declaration, String binding, List<String> paths,
      Limits limits, boolean noServer, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
      List<String> unknowns, List<DelegateFact> delegates) {
    this(framework, declaration, binding, paths, limits, noServer, guards, handlers, sends, unknowns, delegates,
        List.of());
  }

  public EndpointFact(Framework framework, SourceLocation declaration, String binding, List<String> paths,
      Limits limits, boolean noServer, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
      List<String> unknowns) {
    this(framework, declaration, binding, paths, limits, noServer, guards, handlers, sends, unknowns, List.of());
  }

  public EndpointFact {
    guardedHandlers = List.copyOf(guardedHandlers);
    delegates = List.copyOf(delegates);
    paths = List.copyOf(paths);
    guards = List.copyOf(guards);
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
    unknowns = List.copyOf(unknowns);
  }
}
