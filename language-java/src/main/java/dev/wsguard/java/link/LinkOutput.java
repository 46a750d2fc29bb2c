package dev.wsguard.java.link;

import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.TokenUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the framework linkers produce, gathered per file (the file of each endpoint's declaration). */
public final class LinkOutput {
  private final Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
  private final Map<String, List<TokenUse>> tokenUses = new LinkedHashMap<>();

  public void endpoint(Endpoint endpoint) {
    endpoints.computeIfAbsent(endpoint.declaration().path(), k -> new ArrayList<>()).add(endpoint);
  }

  /** A token use, replacing the file's unlinked fact of the same location (a linker that names its endpoint). */
  public void tokenUse(TokenUse use) {
    List<TokenUse> uses = tokenUses.computeIfAbsent(use.location().path(), k -> new ArrayList<>());
    uses.removeIf(u -> u.location().equals(use.location()));
    uses.add(use);
  }

  List<Endpoint> endpointsOf(String path) {
    return endpoints.getOrDefault(path, List.of());
  }

  List<TokenUse> tokenUsesOf(String path) {
    return tokenUses.getOrDefault(path, List.of());
  }

  boolean hasTokenUse(TokenUse use) {
    return tokenUses.getOrDefault(use.location().path(), List.of()).stream()
        .anyMatch(u -> u.location().equals(use.location()));
  }
}
