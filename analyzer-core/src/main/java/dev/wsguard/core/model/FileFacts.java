package dev.wsguard.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the model holds about one analysed file after linking.
 *
 * @param verifiers the project's own credential checks declared in this file, for patches to call
 */
public record FileFacts(
    String path, Language language, List<Endpoint> endpoints, List<TokenUse> tokenUses, List<Verifier> verifiers) {
  public FileFacts {
    Objects.requireNonNull(path);
    Objects.requireNonNull(language);
    endpoints = List.copyOf(endpoints);
    tokenUses = List.copyOf(tokenUses);
    verifiers = List.copyOf(verifiers);
  }

  public FileFacts(String path, Language language, List<Endpoint> endpoints, List<TokenUse> tokenUses) {
    this(path, language, endpoints, tokenUses, List.of());
  }
}
