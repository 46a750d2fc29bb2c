package dev.wsguard.core.fix;

import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Model;
import dev.wsguard.core.model.Verifier;
import java.util.List;

/**
 * What a renderer may know beyond the file it patches: the project's own credential checks, which a patch calls in
 * place of a placeholder that rejects everyone (DESIGN.md "Suggested patches").
 */
public record FixContext(List<Verifier> verifiers) {
  public static final FixContext EMPTY = new FixContext(List.of());

  public FixContext {
    verifiers = List.copyOf(verifiers);
  }

  public static FixContext of(Model model) {
    return new FixContext(model.verifiers());
  }

  /** The verifiers a file of {@code language} can call: Java ones for Java, JavaScript and TypeScript ones else. */
  public List<Verifier> callableFrom(Language language) {
    boolean java = language == Language.JAVA;
    return verifiers.stream().filter(v -> v.location().path().endsWith(".java") == java).toList();
  }
}
