package dev.wsguard.js.facts;

import dev.wsguard.core.model.SourceLocation;
import java.util.List;

/**
 * A message handler whose permission check rests on per-message guards defined in other modules (NestJS
 * {@code @UseGuards(RolesGuard)}): link time reads what each guard checks ({@link HandlerFact}s its module exports
 * for the guard's function) and settles the handler's permission check.
 *
 * @param handler the handler's index in its endpoint's handlers
 * @param guards the guards' checking functions, as the handler's file names them
 * @param at where the guards are bound
 */
public record GuardedHandlerFact(int handler, List<FunctionRef> guards, SourceLocation at) {
  public GuardedHandlerFact {
    guards = List.copyOf(guards);
  }
}
