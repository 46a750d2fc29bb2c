package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.facts.JavaFact;
import java.util.List;

/**
 * A project class or interface and what it extends or implements, fully qualified where the imports say: lets a
 * call through an interface ({@code TokenService}) reach its implementation's {@link MethodSummary}.
 */
public record ProjectType(String name, List<String> supertypes) implements JavaFact {
  public ProjectType {
    supertypes = List.copyOf(supertypes);
  }
}
