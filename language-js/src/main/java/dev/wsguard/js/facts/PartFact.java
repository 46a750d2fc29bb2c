package dev.wsguard.js.facts;

import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import java.util.List;

/**
 * What a file adds to an endpoint it imports: an upgrade handler, a connection handler, sends.
 *
 * @param target the imported server, as this file names it
 * @param framework the framework the part was recognised for: it attaches only to endpoints of that framework (null:
 *     any)
 */
public record PartFact(
    FunctionRef target, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
    List<String> unknowns, List<DelegateFact> delegates, Framework framework) {

  public PartFact(FunctionRef target, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
      List<String> unknowns, List<DelegateFact> delegates) {
    this(target, guards, handlers, sends, unknowns, delegates, null);
  }

  public PartFact(FunctionRef target, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
      List<String> unknowns) {
    this(target, guards, handlers, sends, unknowns, List.of());
  }

  public PartFact {
    delegates = List.copyOf(delegates);
    guards = List.copyOf(guards);
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
    unknowns = List.copyOf(unknowns);
  }
}
