package dev.wsguard.java.analysis;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Method summaries: what each project method does with a credential (in its file, on the worker), and, at link
 * time, what a guard that calls such a method, possibly through further helpers in other files, is worth.
 */
public final class Summaries {
  private static final int MAX_HOPS = 4;

  private Summaries() {}

  /** Emits one summary per method of the file that checks a credential or hands one on. */
  public static void summarize(JavaUnit unit, Consumer<? super MethodSummary> out) {
    for (MethodDeclaration m : unit.tree().findAll(MethodDeclaration.class)) {
      if (m.getBody().isEmpty()) {
        continue;
      }
      summarize(unit, m).ifPresent(out);
    }
  }

  static Optional<MethodSummary> summarize(JavaUnit unit, MethodDeclaration m) {
    String key = Code.methodKey(m, unit.types());
    Strength strength = null;
    String description = null;
    SourceLocation evidence = null;
    boolean throwsOnFailure = false;
    for (TokenCall t : TokenCalls.in(m, unit.types())) {
      if (Code.method(t.call()).orElse(null) != m || !t.signatureChecked() && !t.resultTrusted()) {
        continue;
      }
      Strength s = !t.signatureChecked() ? Strength.DECODED_ONLY
          : t.failureSwallowed() ? Strength.FAILS_OPEN : Strength.VERIFIED;
      if (strength == null || rank(s) < rank(strength)) {
        strength = s;
        description = t.library();
        evidence = unit.head(t.call());
        throwsOnFailure = s == Strength.VERIFIED && !caught(t.call(), m);
      }
    }
    Set<String> params = new java.util.HashSet<>();
    for (Parameter p : m.getParameters()) {
      params.add(p.getNameAsString());
    }
    List<HelperRef> delegates = new ArrayList<>();
    for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
      boolean passesParam = call.getArguments().stream()
          .anyMatch(a -> a.findAll(NameExpr.class).stream().anyMatch(n -> params.contains(n.getNameAsString()))
              || Code.unwrap(a) instanceof NameExpr n && params.contains(n.getNameAsString()));
      if (strength == null && passesParam && storeLookup(call)) {
        strength = Strength.VERIFIED;
        description = "a lookup of the credential in " + call.getScope().map(Expression::toString).orElse("a store");
        evidence = unit.head(call);
      } else if (passesParam && TokenCalls.tokenCall(call, unit.types()).isEmpty()) {
        Optional<String> owner = GateAnalysis.owner(unit, call);
        owner.filter(o -> o.contains(".") && !o.startsWith("java."))
            .ifPresent(o -> delegates.add(new HelperRef(o, call.getNameAsString(), call.getArguments().size(),
                unit.head(call))));
      }
    }
    Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
    for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
      Credentials.read(call).ifPresent(credentials::add);
    }
    if (strength == null && delegates.isEmpty() && rejectsEverything(m)) {
      // an unwired stub that answers null or false to every request: a caller that tests its result lets nobody
      // through (the fail-closed placeholder a suggested patch inserts until the app's own check is wired)
      strength = Strength.VERIFIED;
      description = m.getNameAsString() + ", which rejects every request";
      evidence = unit.head(m.getName());
    }
    if (strength == null && delegates.isEmpty() && credentials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MethodSummary(key, m.getParameters().size(), strength, description, evidence,
        throwsOnFailure, delegates, credentials));
  }

  /** Every statement of the body is {@code return null;} or {@code return false;} (at least one is). */
  private static boolean rejectsEverything(MethodDeclaration m) {
    List<Statement> body = m.getBody().map(b -> (List<Statement>) b.getStatements()).orElse(List.of());
    return !body.isEmpty() && body.stream().allMatch(st -> st instanceof ReturnStmt r && r.getExpression()
        .filter(e -> e instanceof NullLiteralExpr || e instanceof BooleanLiteralExpr b && !b.getValue()).isPresent());
  }

  /** A read from a session or token store keyed by the argument ({@code sessionStore.findAccount(cookie)}). */
  public static boolean storeLookup(MethodCallExpr call) {
    if (call.getScope().isEmpty() || !(Code.unwrap(call.getScope().get()) instanceof NameExpr receiver)) {
      return false;
    }
    // the receiver's name or its declared type names the store: userRepository, sessions of type SessionStore
    Set<String> stores = Apis.words("store-receivers");
    String verb = Words.first(call.getNameAsString());
    boolean reads = Set.of("find", "get", "load", "lookup", "fetch", "select", "query", "read", "exists")
        .contains(verb);
    return reads && (stores.contains(lastWord(Words.of(receiver.getNameAsString())))
        || Code.declaration(receiver).map(v -> stores.contains(lastWord(Words.of(v.type().replaceAll("<.*", "")))))
            .orElse(false));
  }

  private static String lastWord(List<String> words) {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  private static boolean caught(MethodCallExpr call, MethodDeclaration m) {
    for (TryStmt t : m.findAll(TryStmt.class)) {
      if (t.getTryBlock().isAncestorOf(call) && !t.getCatchClauses().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static int rank(Strength s) {
    return switch (s) {
      case VERIFIED -> 0;
      case FAILS_OPEN -> 1;
      case DECODED_ONLY -> 2;
      case UNKNOWN -> 3;
    };
  }

  /** Every summary of the scan by method key. */
  public static Map<String, MethodSummary> index(LinkIndex index) {
    Map<String, MethodSummary> out = new HashMap<>();
    for (LinkIndex.Located<MethodSummary> s : index.all(MethodSummary.class)) {
      out.putIfAbsent(s.fact().key(), s.fact());
    }
    return out;
  }

  /** A gate finished with what the helper it rests on does; unresolvable helpers make it UNKNOWN. */
  public static Resolved resolve(Gate gate, Map<String, MethodSummary> summaries) {
    if (gate.helper() == null) {
      return new Resolved(gate, null);
    }
    Optional<MethodSummary> found = follow(gate.helper(), summaries, 0);
    if (found.isEmpty()) {
      String why = gate.helper().describe() + " could not be read (its source is not in the scanned files), so"
          + " what it checks is unknown";
      return new Resolved(gate.withStrength(Strength.UNKNOWN, gate.description()), why);
    }
    MethodSummary s = found.get();
    List<RelatedLocation> related = new ArrayList<>(gate.related());
    related.add(new RelatedLocation(s.evidence(), gate.helper().describe() + " checks with " + s.description()));
    Strength strength = s.strength();
    String description = gate.description() + " (" + s.description() + ")";
    if (strength == Strength.VERIFIED && gate.helperMustThrow() && !s.throwsOnFailure()) {
      strength = Strength.FAILS_OPEN;
      description = gate.description() + " reports a failed check by its result, which the caller ignores";
    }
    Set<CredentialSource> creds = EnumSet.noneOf(CredentialSource.class);
    creds.addAll(gate.credentials());
    creds.addAll(s.credentials());
    Gate g = new Gate(gate.place(), strength, gate.coverage(), description, gate.evidence(), related,
        gate.uncovered(), creds, gate.helper(), gate.helperMustThrow(), gate.userPropertyKey());
    return new Resolved(g, null);
  }

  /** A resolved gate, and why it stayed unknown (for the endpoint's unknowns); null when it did not. */
  public record Resolved(Gate gate, String unknown) {}

  /** The summary that decides: the helper's own check, else the first delegate's, a few hops deep. */
  private static Optional<MethodSummary> follow(HelperRef ref, Map<String, MethodSummary> summaries, int hops) {
    MethodSummary s = summaries.get(ref.key());
    if (s == null || hops > MAX_HOPS) {
      return Optional.empty();
    }
    if (s.strength() != null) {
      return Optional.of(s);
    }
    for (HelperRef d : s.delegates()) {
      Optional<MethodSummary> deeper = follow(d, summaries, hops + 1);
      if (deeper.isPresent()) {
        MethodSummary x = deeper.get();
        Set<CredentialSource> creds = EnumSet.noneOf(CredentialSource.class);
        creds.addAll(x.credentials());
        creds.addAll(s.credentials());
        return Optional.of(new MethodSummary(s.key(), s.parameters(), x.strength(), x.description(), x.evidence(),
            x.throwsOnFailure(), List.of(), creds));
      }
    }
    return Optional.empty();
  }
}
