package dev.wsguard.js.link;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns walked guards into model guards once helpers are resolved: strength and coverage from the paths that reach
 * the accept, the credentials read, the Origin policy, and sentences for what could not be read.
 */
final class GuardResolver {
  private static final int MAX_UNCOVERED = 5;

  /** What one endpoint's guards come to. */
  record Resolved(List<HandshakeGuard> guards, Set<CredentialSource> credentials, OriginPolicy origin,
      List<String> unknowns, List<FunctionRef> helpers) {}

  private final Verdicts verdicts;

  GuardResolver(Verdicts verdicts) {
    this.verdicts = verdicts;
  }

  Resolved resolve(List<GuardFact> facts, String framework) {
    List<HandshakeGuard> guards = new ArrayList<>();
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    List<String> unknowns = new ArrayList<>();
    List<FunctionRef> helpers = new ArrayList<>();
    OriginPolicy origin = null;
    OriginPolicy weakOrigin = null;
    boolean authenticates = false;
    for (GuardFact g : facts) {
      Set<CredentialSource> read = EnumSet.noneOf(CredentialSource.class);
      read.addAll(g.credentials());
      List<RelatedLocation> related = new ArrayList<>();
      int before = helpers.size();
      collectHelpers(g, helpers, unknowns);
      for (FunctionRef ref : helpers.subList(before, helpers.size())) {
        read.addAll(verdicts.of(ref).credentials());
      }
      HandshakeGuard auth = g.delegate() != null ? delegated(g, read, related) : authentication(g, read, related);
      if (auth != null) {
        guards.add(auth);
        credentials.addAll(read);
        authenticates |= auth.strength() == Strength.VERIFIED;
      }
      if (g.place() == GuardPlace.HANDSHAKE) {
        OriginPolicy o = g.delegate() != null ? delegatedOrigin(g) : origin(g);
        if (o != null && o.kind() == OriginPolicy.Kind.ALLOW_LIST) {
          origin = origin == null ? o : origin;
          guards.add(new HandshakeGuard(GuardKind.ORIGIN, GuardPlace.HANDSHAKE, Strength.VERIFIED, Coverage.ALL_PATHS,
              "Origin allow-list in " + g.description(), o.location(), List.of(), List.of()));
        } else if (o != null && weakOrigin == null) {
          weakOrigin = o;
          if (o.kind() == OriginPolicy.Kind.UNKNOWN) {
            guards.add(new HandshakeGuard(GuardKind.ORIGIN, GuardPlace.HANDSHAKE, Strength.UNKNOWN,
                Coverage.UNKNOWN, "Origin check in " + g.description(), o.location(), List.of(), List.of()));
          }
        }
      }
    }
    if (authenticates && credentials.isEmpty()) {
      credentials.add(CredentialSource.UNKNOWN);
    }
    OriginPolicy policy = origin != null ? origin : weakOrigin != null ? weakOrigin
        : OriginPolicy.anyByDefault(framework);
    return new Resolved(guards, credentials, policy, unknowns, helpers);
  }

  private void collectHelpers(GuardFact g, List<FunctionRef> helpers, List<String> unknowns) {
    List<Term> all = new ArrayList<>(g.seen());
    g.accepts().forEach(p -> all.addAll(p.terms()));
    if (g.delegate() != null) {
      all.add(Term.helper(g.delegate(), true, g.evidence(), g.description()));
    }
    for (Term t : all) {
      FunctionRef ref = t.helper();
      if (ref == null || helpers.contains(ref)) {
        continue;
      }
      helpers.add(ref);
      if (verdicts.of(ref).unreadable()) {
        String sentence = t.detail() + (ref.isLocal() ? " could not be read"
            : " is imported from '" + ref.specifier() + "', which could not be read");
        if (!unknowns.contains(sentence)) {
          unknowns.add(sentence);
        }
      }
    }
  }

  // ---- authentication ----

  private HandshakeGuard delegated(GuardFact g, Set<CredentialSource> read, List<RelatedLocation> related) {
    Verdicts.Verdict v = verdicts.of(g.delegate());
    if (v.strength() == null) {
      return null;
    }
    read.addAll(v.credentials());
    related.addAll(v.related());
    return new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), v.strength(),
        v.strength() == Strength.UNKNOWN ? Coverage.UNKNOWN : Coverage.ALL_PATHS, g.description(), g.evidence(),
        related, List.of());
  }

  private HandshakeGuard authentication(GuardFact g, Set<CredentialSource> read, List<RelatedLocation> related) {
    Strength seenBest = null;
    for (Term t : g.seen()) {
      seenBest = Verdicts.pick(seenBest, verdicts.strength(t, 0, read, related));
    }
    if (seenBest == null) {
      return null;
    }
    if (g.earlySend() != null) {
      related.add(new RelatedLocation(g.earlySend(), "this send happens before the credential is verified"));
      return new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), Strength.FAILS_OPEN, Coverage.ALL_PATHS,
          g.description() + " (sends before verifying)", g.evidence(), related, List.of());
    }
    List<Strength> perPath = new ArrayList<>();
    List<PathFact> uncovered = new ArrayList<>();
    for (PathFact p : g.accepts()) {
      Strength s = verdicts.best(p.terms(), 0, read, related);
      perPath.add(s);
      if (s == null) {
        uncovered.add(p);
      }
    }
    Strength strength;
    Coverage coverage = uncovered.isEmpty() ? Coverage.ALL_PATHS : Coverage.SOME_PATHS;
    if (perPath.isEmpty()) {
      strength = seenBest;
    } else if (perPath.stream().allMatch(s -> s == Strength.VERIFIED)) {
      strength = Strength.VERIFIED;
    } else if (perPath.contains(Strength.FAILS_OPEN)) {
      strength = Strength.FAILS_OPEN;
    } else if (perPath.contains(Strength.UNKNOWN)) {
      strength = Strength.UNKNOWN;
    } else if (perPath.contains(Strength.DECODED_ONLY)) {
      strength = Strength.DECODED_ONLY;
    } else if (perPath.contains(Strength.VERIFIED)) {
      strength = Strength.VERIFIED;
    } else if (g.place() == GuardPlace.FIRST_MESSAGE) {
      // the auth message verifies, but the other types are handled whether or not it came
      strength = seenBest;
    } else {
      // the credential is checked, but no path to the accept depends on the check
      strength = seenBest == Strength.VERIFIED ? Strength.FAILS_OPEN : seenBest;
      coverage = Coverage.ALL_PATHS;
      uncovered.clear();
    }
    for (Term t : g.seen()) {
      if (strength == Strength.FAILS_OPEN && t.kind() == Term.Kind.AUTH && t.strength() == Strength.FAILS_OPEN) {
        related.add(new RelatedLocation(t.evidence(), t.detail()));
      }
    }
    return new HandshakeGuard(GuardKind.AUTHENTICATION, g.place(), strength, coverage, g.description(),
        g.evidence(), dedupe(related), names(uncovered));
  }

  private static List<RelatedLocation> dedupe(List<RelatedLocation> related) {
    return new ArrayList<>(new LinkedHashSet<>(related));
  }

  /** How the uncovered paths read: their equality tests ("pathname === '/feed'"), else their whole condition. */
  static List<String> names(List<PathFact> uncovered) {
    Set<String> out = new LinkedHashSet<>();
    for (PathFact p : uncovered) {
      for (List<String> route : p.routes()) {
        List<String> positive = route.stream().filter(c -> c.contains(" === ") || c.contains(" == ")).toList();
        String name = String.join(" && ", positive.isEmpty() ? route : positive);
        if (!name.isEmpty() && out.size() < MAX_UNCOVERED) {
          out.add(name);
        }
      }
    }
    return new ArrayList<>(out);
  }

  // ---- origin ----

  private OriginPolicy origin(GuardFact g) {
    if (g.accepts().isEmpty()) {
      return null;
    }
    Term allow = null;
    boolean all = true;
    boolean some = false;
    Term unknown = null;
    Term presence = null;
    Term wildcard = null;
    for (PathFact p : g.accepts()) {
      Term a = find(p, Term.Kind.ORIGIN_ALLOW);
      if (a != null) {
        allow = allow == null ? a : allow;
        some = true;
      } else {
        all = false;
      }
      unknown = unknown == null ? find(p, Term.Kind.ORIGIN_UNKNOWN) : unknown;
      presence = presence == null ? find(p, Term.Kind.ORIGIN_PRESENCE) : presence;
      wildcard = wildcard == null ? find(p, Term.Kind.ORIGIN_ANY) : wildcard;
    }
    if (all && allow != null) {
      return new OriginPolicy(OriginPolicy.Kind.ALLOW_LIST, allow.evidence(),
          g.description() + " rejects Origins not matched by " + allow.detail());
    }
    if (unknown != null) {
      return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, unknown.evidence(),
          g.description() + " checks the Origin with " + unknown.detail() + ", which wsguard could not read");
    }
    // ANY carries no location: for ws there is no wildcard setting to point at, only the endpoint
    if (some) {
      return new OriginPolicy(OriginPolicy.Kind.ANY, null,
          g.description() + " checks the Origin on some paths only; the others accept every Origin");
    }
    if (wildcard != null) {
      return new OriginPolicy(OriginPolicy.Kind.ANY, null,
          g.description() + " checks the Origin with " + wildcard.detail() + ", which lets every Origin in ('*')");
    }
    if (presence != null) {
      return new OriginPolicy(OriginPolicy.Kind.ANY, null,
          g.description() + " only checks that an Origin header is present (" + presence.detail()
              + "), which accepts every Origin");
    }
    return null;
  }

  private OriginPolicy delegatedOrigin(GuardFact g) {
    Verdicts.Verdict v = verdicts.of(g.delegate());
    if (v.unreadable()) {
      return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, g.evidence(),
          g.description() + " could not be read, so its Origin check is unknown");
    }
    return v.origin()
        ? new OriginPolicy(OriginPolicy.Kind.ALLOW_LIST, g.evidence(), g.description() + " checks an Origin allow-list")
        : null;
  }

  private static Term find(PathFact p, Term.Kind kind) {
    for (Term t : p.terms()) {
      if (t.kind() == kind) {
        return t;
      }
    }
    return null;
  }
}
