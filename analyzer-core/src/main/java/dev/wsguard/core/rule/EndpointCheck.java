package dev.wsguard.core.rule;

import dev.wsguard.core.model.Endpoint;

/** A rule that looks at each endpoint. */
public interface EndpointCheck extends Rule {
  void check(Endpoint endpoint, Reporter report);
}
