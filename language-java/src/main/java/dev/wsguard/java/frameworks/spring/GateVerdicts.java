package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.link.LinkIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, at link time, how strong a {@link Gate} is: what its checks do once project helpers are resolved through
 * their {@link MethodSummary}s (through an interface to its implementations when needed). Inputs: the index's
 * summaries and types. Output: a model guard, with the resolved helpers as related evidence, and the unknowns met.
 */
public final class GateVerdicts {
  /** What a check amounts to, weakest first. */
  enum Verdict {
    NOTHING,
    PRESENCE,
    UNKNOWN,
    DECODES,
    FAILS_OPEN,
    VERIFIES,
    /** A stub that answers failure to every request: nobody gets through the gate testing it. */
    REJECTS_ALL
  }

  private static final int MAX_DEPTH = 4;

  private final Map<String, List<MethodSummary>> summaries = new HashMap<>();
  private final Map<String, List<String>> subtypes = new HashMap<>();

  public GateVerdicts(LinkIndex index) {
    for (LinkIndex.Located<MethodSummary> s : index.all(MethodSummary.class)) {
      summaries.computeIfAbsent(s.fact().owner() + "#" + s.fact().method(), k -> new ArrayList<>()).add(s.fact());
    }
    for (LinkIndex.Located<ProjectType> t : index.all(ProjectType.class)) {
      for (String s : t.fact().supertypes()) {
        subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(t.fact().name());
      }
    }
  }

  /**
   * The guard a gate amounts to; empty when it is inert (reads and checks nothing).
   *
   * @param unknowns receives what could not be resolved, in words
   */
  public Optional<HandshakeGuard> guard(Gate gate, GuardPlace place, List<String> unknowns) {
    if (gate.inert()) {
      return Optional.empty();
    }
    List<RelatedLocation> related = new ArrayList<>();
    Verdict best = Verdict.NOTHING;
    for (Check c : gate.checks()) {
      Verdict v = verdict(c, 0, new HashSet<>(), unknowns);
      if (c.kind() == Check.Kind.CALL) {
        related.add(new RelatedLocation(c.at(), c.describe() + " " + words(v)));
      }
      best = v.ordinal() > best.ordinal() ? v : best;
    }
    Strength strength;
    String description = gate.description();
    if (!gate.rejects()) {
      strength = Strength.FAILS_OPEN;
      description += ", which never turns a connection away";
    } else if (gate.swallowedAt() != null) {
      strength = Strength.FAILS_OPEN;
      related.add(new RelatedLocation(gate.swallowedAt(), "this catch carries on after a failed check"));
    } else {
      strength = switch (best) {
        case VERIFIES, REJECTS_ALL -> Strength.VERIFIED;
        case FAILS_OPEN -> Strength.FAILS_OPEN;
        case DECODES -> Strength.DECODED_ONLY;
        case PRESENCE -> Strength.DECODED_ONLY;
        case UNKNOWN, NOTHING -> Strength.UNKNOWN;
      };
      if (best == Verdict.PRESENCE) {
        description += ", which only checks that a credential is present";
      } else if (best == Verdict.NOTHING) {
        unknowns.add(gate.description() + " rejects on a condition wsguard cannot relate to a credential check");
      }
    }
    return Optional.of(new HandshakeGuard(GuardKind.AUTHENTICATION, place, strength, Coverage.ALL_PATHS,
        description, gate.location(), related, List.of()));
  }

  Verdict verdict(Check c, int depth, Set<String> visiting, List<String> unknowns) {
    return switch (c.kind()) {
      case VERIFY, SESSION -> Verdict.VERIFIES;
      case DECODE -> Verdict.DECODES;
      case PRESENCE -> Verdict.PRESENCE;
      case UNRESOLVED -> Verdict.UNKNOWN;
      case CALL -> call(c, depth, visiting, unknowns);
    };
  }

  private Verdict call(Check c, int depth, Set<String> visiting, List<String> unknowns) {
    String key = c.owner() + "#" + c.method();
    if (depth > MAX_DEPTH || !visiting.add(key)) {
      return Verdict.NOTHING;
    }
    List<MethodSummary> found = new ArrayList<>(summaries.getOrDefault(key, List.of()));
    for (String sub : subtypes.getOrDefault(c.owner(), List.of())) {
      found.addAll(summaries.getOrDefault(sub + "#" + c.method(), List.of()));
    }
    if (found.isEmpty() && c.maybeLibrary() && !subtypes.containsKey(c.owner())) {
      return Verdict.NOTHING; // a library class brought in by a wildcard import, not a project helper
    }
    if (found.isEmpty()) {
      unknowns.add(c.describe() + " is not declared in the analysed files, or reads no credential wsguard knows");
      return Verdict.UNKNOWN;
    }
    Verdict best = Verdict.NOTHING;
    for (MethodSummary s : found) {
      Verdict v = s.rejectsEverything() && c.rejectsOnNull() ? Verdict.REJECTS_ALL : Verdict.NOTHING;
      for (Check inner : s.checks()) {
        Verdict iv = verdict(inner, depth + 1, visiting, unknowns);
        v = iv.ordinal() > v.ordinal() ? iv : v;
      }
      if (s.swallowsFailure() && v == Verdict.VERIFIES) {
        v = Verdict.FAILS_OPEN;
      }
      best = v.ordinal() > best.ordinal() ? v : best;
    }
    visiting.remove(key);
    return best;
  }

  /** A token library call a gate relies on, directly or through a helper, and whether its failure is swallowed. */
  public record TokenCall(Check check, boolean swallowed, dev.wsguard.core.model.SourceLocation swallowedAt) {}

  /** Every decode or verify call the gate's checks reach: they lie on the endpoint's handshake path. */
  public List<TokenCall> tokenCalls(Gate gate) {
    List<TokenCall> out = new ArrayList<>();
    for (Check c : gate.checks()) {
      tokens(c, gate.swallowedAt() != null, gate.swallowedAt(), 0, new HashSet<>(), out);
    }
    return out;
  }

  private void tokens(Check c, boolean swallowed, dev.wsguard.core.model.SourceLocation at, int depth,
      Set<String> visiting, List<TokenCall> out) {
    if (c.tokenCall()) {
      boolean lost = swallowed && c.kind() == Check.Kind.VERIFY;
      out.add(new TokenCall(c, lost, lost ? at : null));
      return;
    }
    String key = c.owner() + "#" + c.method();
    if (c.kind() != Check.Kind.CALL || depth > MAX_DEPTH || !visiting.add(key)) {
      return;
    }
    List<MethodSummary> found = new ArrayList<>(summaries.getOrDefault(key, List.of()));
    for (String sub : subtypes.getOrDefault(c.owner(), List.of())) {
      found.addAll(summaries.getOrDefault(sub + "#" + c.method(), List.of()));
    }
    for (MethodSummary s : found) {
      for (Check inner : s.checks()) {
        tokens(inner, s.swallowsFailure(), null, depth + 1, visiting, out);
      }
    }
  }

  private static String words(Verdict v) {
    return switch (v) {
      case VERIFIES -> "verifies the credential";
      case REJECTS_ALL -> "rejects every request until it is wired to a credential check";
      case DECODES -> "decodes the token without verifying its signature";
      case FAILS_OPEN -> "carries on when verification fails";
      case PRESENCE -> "only checks that a credential is present";
      case UNKNOWN -> "could not be read";
      case NOTHING -> "checks no credential";
    };
  }
}
