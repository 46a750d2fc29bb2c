package dev.wsguard.js.link;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.Term;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what calling a project function does for authentication, from its summary: it verifies (and fails by
 * throwing or by returning something falsy), only decodes, fails open, does nothing of the kind, or cannot be read.
 * Helpers that call helpers are followed across files; cycles resolve to "nothing".
 */
final class Verdicts {
  /** How a verifying helper reports a failure. */
  enum Mode {
    THROWS,
    FALSY
  }

  /**
   * @param strength null when the function does not authenticate at all
   * @param unreadable the function could not be read (an import that was not analysed)
   * @param origin true when every truthy exit has checked the Origin against an allow-list
   */
  record Verdict(Strength strength, Mode mode, boolean unreadable, Set<CredentialSource> credentials,
      List<RelatedLocation> related, boolean origin, Set<String> failValues) {
    static final Verdict NONE = new Verdict(null, Mode.THROWS, false, Set.of(), List.of(), false, Set.of());

    Verdict(Strength strength, Mode mode, boolean unreadable, Set<CredentialSource> credentials,
        List<RelatedLocation> related, boolean origin) {
      this(strength, mode, unreadable, credentials, related, origin, Set.of());
    }

    /** True when a check that catches only {@code catches} sees every failure value the function returns. */
    boolean caughtBy(Term.Catches catches) {
      for (String v : failValues) {
        if (!catches.catches(v)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final int MAX_DEPTH = 6;

  private final Modules modules;
  private final Map<FunctionRef, Verdict> cache = new HashMap<>();
  private final Set<FunctionRef> inProgress = new HashSet<>();

  Verdicts(Modules modules) {
    this.modules = modules;
  }

  Verdict of(FunctionRef ref) {
    return of(ref, 0);
  }

  private Verdict of(FunctionRef ref, int depth) {
    Verdict cached = cache.get(ref);
    if (cached != null) {
      return cached;
    }
    if (inProgress.contains(ref) || depth > MAX_DEPTH) {
      return Verdict.NONE;
    }
    inProgress.add(ref);
    try {
      Verdict v = compute(ref, depth);
      cache.put(ref, v);
      return v;
    } finally {
      inProgress.remove(ref);
    }
  }

  private Verdict compute(FunctionRef ref, int depth) {
    Modules.Function fn = modules.function(ref);
    if (fn == null) {
      return new Verdict(Strength.UNKNOWN, Mode.THROWS, true, Set.of(), List.of(), false);
    }
    SummaryFact s = fn.summary();
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    credentials.addAll(s.credentials());
    // helpers that only read the credential (tokenFromRequest) tell where it comes from
    for (FunctionRef called : s.calls()) {
      credentials.addAll(of(called, depth + 1).credentials());
    }
    List<RelatedLocation> related = new ArrayList<>();
    boolean anyAuth = false;
    boolean truthyUnverified = false;
    boolean normalUnverified = false;
    boolean anyTruthy = false;
    boolean originOnAll = true;
    boolean truthyBypass = false;
    boolean truthyVerified = false;
    Strength weakest = null;
    Set<String> failValues = new java.util.TreeSet<>();
    for (SummaryFact.Exit exit : s.exits()) {
      Strength best = best(exit.path().terms(), depth, credentials, related);
      if (exit.kind() == SummaryFact.ExitKind.RETURN_RESULT && exit.result() != null) {
        Strength r = strength(exit.result(), depth, credentials, related);
        best = r == Strength.VERIFIED ? Strength.VERIFIED : pick(best, r);
      }
      anyAuth |= best != null || exit.path().terms().stream().anyMatch(Term::isAuth);
      boolean verified = best == Strength.VERIFIED;
      switch (exit.kind()) {
        case RETURN_TRUTHY, RETURN_RESULT -> {
          anyTruthy = true;
          originOnAll &= exit.path().terms().stream().anyMatch(t -> t.kind() == Term.Kind.ORIGIN_ALLOW);
          if (!verified) {
            truthyUnverified = true;
            truthyBypass |= best == null;
            weakest = pick(weakest, best);
          } else {
            truthyVerified = true;
          }
        }
        case RETURN_FALSY -> {
          normalUnverified |= !verified;
          if (!verified) {
            failValues.add(exit.falsyValue() == null ? "?" : exit.falsyValue());
          }
        }
        case THROW -> { }
        default -> { }
      }
    }
    boolean origin = anyTruthy && originOnAll;
    String name = s.name();
    if (!anyAuth && rejectsEverything(s)) {
      // an unwired stub that answers null to every request: a caller that tests its result lets nobody through
      related.add(0, new RelatedLocation(s.location(), name + " rejects every request"));
      return new Verdict(Strength.VERIFIED, Mode.FALSY, false, credentials, related, false, Set.copyOf(failValues));
    }
    if (!anyAuth) {
      return new Verdict(null, Mode.THROWS, false, credentials, related, origin);
    }
    related.add(0, new RelatedLocation(s.location(), name + " is the helper that checks the credential"));
    Strength strength;
    Mode mode = Mode.THROWS;
    if (!truthyUnverified) {
      strength = anyTruthy || !normalUnverified ? Strength.VERIFIED : Strength.FAILS_OPEN;
      mode = normalUnverified ? Mode.FALSY : Mode.THROWS;
      // a function that only ever returns nothing cannot tell its caller it failed
      if (!anyTruthy && normalUnverified) {
        strength = Strength.FAILS_OPEN;
      }
    } else if (truthyBypass || weakest == null || truthyVerified) {
      // some path returns a truthy value without a verification while others verify (a decode in the catch, say)
      strength = Strength.FAILS_OPEN;
    } else {
      strength = weakest;
    }
    return new Verdict(strength, mode, false, credentials, related, origin, Set.copyOf(failValues));
  }

  /** Every path returns an explicit null or false: the function never tells a caller to go on. */
  static boolean rejectsEverything(SummaryFact s) {
    if (s.exits().isEmpty()) {
      return false;
    }
    for (SummaryFact.Exit exit : s.exits()) {
      boolean explicitFailure = "null".equals(exit.falsyValue()) || "false".equals(exit.falsyValue());
      if (exit.kind() != SummaryFact.ExitKind.RETURN_FALSY || !explicitFailure) {
        return false;
      }
    }
    return true;
  }

  /** The strongest evidence a path holds, VERIFIED first; null when it holds none. */
  Strength best(List<Term> terms, int depth, Set<CredentialSource> credentials, List<RelatedLocation> related) {
    Strength best = null;
    for (Term t : terms) {
      best = pick(best, strength(t, depth, credentials, related));
    }
    return best;
  }

  /** The order in which evidence counts: a verification beats an unreadable helper, which beats weaker ones. */
  static Strength pick(Strength a, Strength b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return rank(b) < rank(a) ? b : a;
  }

  private static int rank(Strength s) {
    return switch (s) {
      case VERIFIED -> 0;
      case UNKNOWN -> 1;
      case FAILS_OPEN -> 2;
      case DECODED_ONLY -> 3;
    };
  }

  /** What one piece of evidence is worth once its helper is resolved; null when it is no authentication. */
  Strength strength(Term t, int depth, Set<CredentialSource> credentials, List<RelatedLocation> related) {
    switch (t.kind()) {
      case AUTH -> {
        return t.strength();
      }
      case AUTH_HELPER -> {
        Verdict v = of(t.helper(), depth + 1);
        if (v.strength() == null) {
          return null;
        }
        credentials.addAll(v.credentials());
        for (RelatedLocation r : v.related()) {
          if (!related.contains(r)) {
            related.add(r);
          }
        }
        if (v.strength() == Strength.VERIFIED && v.mode() == Mode.FALSY
            && (!t.resultChecked() || !v.caughtBy(t.catches()))) {
          // unchecked, or checked for a failure value the helper never returns (=== null after return false)
          return Strength.FAILS_OPEN;
        }
        return v.strength();
      }
      case AUTH_HELPER_SWALLOWED -> {
        Verdict v = of(t.helper(), depth + 1);
        return v.strength() == Strength.VERIFIED && v.mode() == Mode.THROWS ? Strength.FAILS_OPEN : null;
      }
      case AUTH_HELPER_ESCAPED -> {
        Verdict v = of(t.helper(), depth + 1);
        if (v.strength() == null) {
          return null;
        }
        if (v.strength() == Strength.VERIFIED) {
          // a helper that fails by returning never takes this path: it stands for nothing unverified
          return v.mode() == Mode.THROWS ? Strength.FAILS_OPEN : Strength.VERIFIED;
        }
        return v.strength();
      }
      default -> {
        return null;
      }
    }
  }
}
