package dev.wsguard.java.link;

import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.analysis.MethodSummary;
import dev.wsguard.java.analysis.Summaries;
import dev.wsguard.java.analysis.VerifierShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's own token checks a patch can call: callable methods whose shape fits (one token in; the claims, a
 * user built from them, or null out) and whose check, as the method summaries judge it for a guard that calls the
 * method, verifies the signature and does not let a failure through. A method that hands the token to another
 * project method counts when that one is a verifier too.
 */
final class ProjectVerifierFacts {
  private static final int MAX_HOPS = 4;

  private final Map<String, MethodSummary> summaries;
  private final Map<String, VerifierShape> shapes = new HashMap<>();

  private ProjectVerifierFacts(LinkIndex index) {
    this.summaries = Summaries.index(index);
    for (LinkIndex.Located<VerifierShape> s : index.all(VerifierShape.class)) {
      shapes.putIfAbsent(s.fact().key(), s.fact());
    }
  }

  /** The verifiers by the path of the file that declares them. */
  static Map<String, List<Verifier>> of(LinkIndex index) {
    ProjectVerifierFacts facts = new ProjectVerifierFacts(index);
    Map<String, List<Verifier>> out = new LinkedHashMap<>();
    for (LinkIndex.Located<VerifierShape> located : index.all(VerifierShape.class)) {
      VerifierShape s = located.fact();
      Verifier.Failure failure = s.callable() ? facts.failure(s, 0) : null;
      if (failure != null) {
        out.computeIfAbsent(located.path(), k -> new ArrayList<>()).add(new Verifier(s.name(), s.container(),
            s.location(), Verifier.Input.TOKEN, failure, false, s.instance()));
      }
    }
    return out;
  }

  /**
   * How the method says no: {@code RETURNS_FALSY} when some path (its own, or its delegate's) answers null, else
   * {@code THROWS}; null when it does not verify.
   */
  private Verifier.Failure failure(VerifierShape s, int hops) {
    if (hops > MAX_HOPS) {
      return null;
    }
    Verifier.Failure own = s.returnsNull() ? Verifier.Failure.RETURNS_FALSY : Verifier.Failure.THROWS;
    if (s.delegate() == null) {
      MethodSummary summary = summaries.get(s.key());
      return summary != null && summary.strength() == Strength.VERIFIED ? own : null;
    }
    VerifierShape next = shapes.get(s.delegate().key());
    Verifier.Failure delegated = next == null ? null : failure(next, hops + 1);
    if (delegated == null) {
      return null;
    }
    return delegated == Verifier.Failure.RETURNS_FALSY ? delegated : own;
  }
}
