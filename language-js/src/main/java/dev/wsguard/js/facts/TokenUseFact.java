package dev.wsguard.js.facts;

import dev.wsguard.core.model.TokenUse;
import java.util.List;

/**
 * A token use before linking: its endpoint is set at link time when one of the functions around it lies on an
 * endpoint's handshake path.
 *
 * @param owners keys of the functions enclosing the use, innermost first
 */
public record TokenUseFact(TokenUse use, List<String> owners) {
  public TokenUseFact {
    owners = List.copyOf(owners);
  }
}
