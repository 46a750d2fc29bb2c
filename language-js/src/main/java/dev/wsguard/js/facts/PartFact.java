package dev.wsguard.js.facts;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import java.util.List;

/**
 * What a file adds to an endpoint it imports: an upgrade handler, a connection handler, sends.
 *
 * @param target the imported server, as this file names it
 */
public record PartFact(
    FunctionRef target, List<GuardFact> guards, List<MessageHandler> handlers, List<Send> sends,
    List<String> unknowns, List<DelegateFact> delegates) {

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
