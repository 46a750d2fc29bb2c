package dev.wsguard.js.frameworks;

import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.PartFact;
import java.util.List;

/** What one recogniser found in a file: the endpoints declared there and the parts it adds to endpoints elsewhere. */
public record Recognized(List<EndpointFact> endpoints, List<PartFact> parts) {
  public static final Recognized NONE = new Recognized(List.of(), List.of());

  public Recognized {
    endpoints = List.copyOf(endpoints);
    parts = List.copyOf(parts);
  }
}
