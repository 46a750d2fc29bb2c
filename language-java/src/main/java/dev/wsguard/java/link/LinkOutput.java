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
    uses.removeIf(u -> sameCall(u, use));
    uses.add(use);
  }

  List<Endpoint> endpointsOf(String path) {
    return endpoints.getOrDefault(path, List.of());
  }

  List<TokenUse> tokenUsesOf(String path) {
    return tokenUses.getOrDefault(path, List.of());
  }

  /**
   * Two readings of one call: a framework linker places the use at the method's name ({@code decode}), the token
   * recogniser at the call ({@code JWT.decode(...)}); their spans overlap, and one finding is what the user needs.
   */
  static boolean sameCall(TokenUse a, TokenUse b) {
    return a.location().path().equals(b.location().path())
        && a.location().startByte() < b.location().endByte() && b.location().startByte() < a.location().endByte();
  }
}
