package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.facts.JavaFact;
import java.util.List;

/**
 * What one project method does with credentials, so that a gate calling it in another file can be judged:
 * {@code jwtService.isValid(token)} verifies when {@code JwtService.isValid} calls a verifying API.
 *
 * @param owner the declaring type, fully qualified
 * @param method the method's name (overloads share one summary each; the linker takes the strongest)
 * @param checks the credential calls in its body, including calls of other project methods
 * @param swallowsFailure a catch around a verification returns success (true, or carries on to it)
 * @param rejectsEverything every path returns {@code null} and nothing is checked: an unwired stub (a suggested
 *     patch's placeholder) that lets no caller rejecting on a null result through
 */
public record MethodSummary(String owner, String method, List<Check> checks, boolean swallowsFailure,
    boolean rejectsEverything) implements JavaFact {
  public MethodSummary {
    checks = List.copyOf(checks);
  }
}
