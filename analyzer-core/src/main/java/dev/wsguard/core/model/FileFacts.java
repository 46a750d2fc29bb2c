package dev.wsguard.core.model;

import java.util.List;
import java.util.Objects;

/** Everything the model holds about one analysed file after linking. */
public record FileFacts(String path, Language language, List<Endpoint> endpoints, List<TokenUse> tokenUses) {
  public FileFacts {
    Objects.requireNonNull(path);
    Objects.requireNonNull(language);
    endpoints = List.copyOf(endpoints);
    tokenUses = List.copyOf(tokenUses);
  }
}
