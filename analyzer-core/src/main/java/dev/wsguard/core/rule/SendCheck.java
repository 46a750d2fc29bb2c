package dev.wsguard.core.rule;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Send;

/** A rule that looks at each send, with the endpoint whose connections it reaches. */
public interface SendCheck extends Rule {
  void check(Endpoint endpoint, Send send, Reporter report);
}
