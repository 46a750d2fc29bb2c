package dev.wsguard.core.rule;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;

/** A rule that looks at each message handler, with the endpoint it belongs to. */
public interface HandlerCheck extends Rule {
  void check(Endpoint endpoint, MessageHandler handler, Reporter report);
}
