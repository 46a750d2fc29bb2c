package dev.wsguard.core.model;

import java.util.Comparator;
import java.util.List;

/** The linked facts of a whole scan: what rules read. */
public record Model(List<FileFacts> files) {
  public Model {
    files = files.stream().sorted(Comparator.comparing(FileFacts::path)).toList();
  }

  public List<Endpoint> endpoints() {
    return files.stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  public List<TokenUse> tokenUses() {
    return files.stream().flatMap(f -> f.tokenUses().stream()).toList();
  }

  public List<Verifier> verifiers() {
    return files.stream().flatMap(f -> f.verifiers().stream()).toList();
  }
}
