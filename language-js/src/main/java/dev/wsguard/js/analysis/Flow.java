package dev.wsguard.js.analysis;

import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Walks a handler under a recogniser's {@link Policy} and reports where it accepts and with what evidence. */
public final class Flow {
  /**
   * One accept: the node where it happens and each path reaching it.
   *
   * @param raised for a policy whose every exit accepts: true when the paths leave by an exception
   * @param escaped for a raised accept: the verification whose failure is the exception; null for a {@code throw}
   */
  public record Accept(Node at, List<PathFact> paths, boolean raised, Term escaped) {
    public Accept(Node at, List<PathFact> paths) {
      this(at, paths, false, null);
    }
  }

  /**
   * @param accepts every accept, in the order met
   * @param seen every piece of evidence met on any path
   */
  public record Result(List<Accept> accepts, List<Term> seen) {
    public boolean verifiesAnything() {
      return seen.stream().anyMatch(Term::isAuth);
    }

    /** Where the first verification sits; call only when {@link #verifiesAnything()}. */
    public SourceLocation firstAuth() {
      return seen.stream().filter(Term::isAuth).map(Term::evidence).findFirst().orElseThrow();
    }

    /** An accept (a send, say) reached without verification, before the first verification; null when none is. */
    public SourceLocation earlyAccept() {
      int first = Integer.MAX_VALUE;
      for (Term t : seen) {
        if (t.isAuth()) {
          first = Math.min(first, t.evidence().startByte());
        }
      }
      for (Accept accept : accepts) {
        boolean unverified = accept.paths().stream().anyMatch(p -> p.terms().stream().noneMatch(Term::isAuth));
        if (unverified && accept.at().startByte() < first) {
          return accept.at().location();
        }
      }
      return null;
    }

    /** Every path that reaches an accept. */
    public List<PathFact> acceptPaths() {
      List<PathFact> out = new ArrayList<>();
      for (Accept accept : accepts) {
        out.addAll(accept.paths());
      }
      return out;
    }
  }

  private Flow() {}

  public static Result walk(FileContext cx, Node fn, Policy policy) {
    return walk(cx, fn, policy, null);
  }

  /**
   * Walks a handler that runs after a session middleware filled {@code req.session} (an express-session
   * {@code app.use(session(...))} registered before the route): {@code session} is that middleware's term, or null.
   */
  public static Result walk(FileContext cx, Node fn, Policy policy, Term session) {
    PathWalker walker = new PathWalker(cx, policy);
    Node callback = policy instanceof CallbackDecides decides ? decides.callback() : null;
    if (callback != null) {
      walker.alias(callback, PathWalker.Alias.DECISION_CALLBACK);
    }
    Path start = session == null ? Path.start() : Path.start().withFact("session", session);
    List<Outcome> outcomes = walker.walk(fn, List.of(start));
    List<Accept> accepts = new ArrayList<>();
    List<Term> seen = new ArrayList<>(walker.seen());
    for (Outcome o : outcomes) {
      if (policy.everyExitAccepts() && o.kind() == Outcome.Kind.THROW) {
        // one accept per failure the exception carries, so that each can be told apart
        Map<Term, List<PathFact>> byFailure = new LinkedHashMap<>();
        List<PathFact> thrown = new ArrayList<>();
        for (Path p : o.paths()) {
          (p.pending == null ? thrown : byFailure.computeIfAbsent(p.pending, k -> new ArrayList<>())).add(p.fact());
        }
        if (!thrown.isEmpty()) {
          accepts.add(new Accept(o.at(), thrown, true, null));
        }
        byFailure.forEach((failure, paths) -> accepts.add(new Accept(o.at(), paths, true, failure)));
        continue;
      }
      if (policy.everyExitAccepts()) {
        List<PathFact> paths = o.paths().stream().map(Path::fact).toList();
        accepts.add(new Accept(o.at(), paths));
        continue;
      }
      boolean normalExit = o.kind() == Outcome.Kind.END || o.kind() == Outcome.Kind.RETURN;
      if (policy.normalExitAccepts() && normalExit) {
        accepts.add(new Accept(o.at(), o.paths().stream().map(Path::fact).toList()));
        o.paths().forEach(p -> p.fact().terms().stream().filter(t -> !seen.contains(t)).forEach(seen::add));
        continue;
      }
      if (o.kind() == Outcome.Kind.ACCEPT || callback != null && o.kind() == Outcome.Kind.RETURN && o.value() != null
          && !Syntax.isFalsyLiteral(o.value())) {
        Accept accept = new Accept(o.at(), decide(cx, o));
        accepts.add(accept);
        for (PathFact p : accept.paths()) {
          p.terms().stream().filter(t -> !seen.contains(t)).forEach(seen::add);
        }
      }
    }
    return new Result(accepts, List.copyOf(seen));
  }

  private static List<PathFact> decide(FileContext cx, Outcome o) {
    List<PathFact> facts = new ArrayList<>();
    Conditions conditions = new Conditions(cx);
    for (Path p : o.paths()) {
      Path decided = p;
      if (o.kind() == Outcome.Kind.RETURN && !Syntax.isTruthyLiteral(o.value())) {
        decided = p.withAll(conditions.evaluate(o.value(), p).whenTrue());
      }
      facts.add(decided.fact());
    }
    return facts;
  }

  /** A policy whose accept is a call to a callback parameter ({@code cb(true)}): verifyClient's second form. */
  public interface CallbackDecides extends Policy {
    /** The callback parameter's declaration. */
    Node callback();
  }
}
