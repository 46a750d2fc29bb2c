package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one gate method (a Jakarta {@code modifyHandshake} or {@code @OnOpen}, a Netty handler's
 * {@code channelRead}, Java-WebSocket's {@code onOpen}): which credential it reads, what checks it, whether a failed
 * check refuses the connection, and whether that refusal sits on every path to the accept. The framework says what
 * refusing is ({@link RejectVocabulary}); this class knows only Java.
 */
public final class GateAnalysis {
  /** Packages whose calls are library calls, never project helpers. */
  private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jakarta.", "io.netty.",
      "org.java_websocket.", "io.jsonwebtoken.", "com.auth0.", "com.nimbusds.", "org.slf4j.", "org.apache.");
  private static final Set<String> REQUEST_TYPE_ENDINGS =
      Set.of("Request", "HandshakeRequest", "ClientHandshake", "FullHttpRequest", "HttpRequest", "Handshake");

  /** One thing the gate reads that could authenticate: a token call, the principal, a session, a helper. */
  private record Term(Node expr, Strength strength, String description, Set<CredentialSource> credentials,
      HelperRef helper, String propertyKey, TokenCall token) {}

  private GateAnalysis() {}

  /** The gate's check, or empty when the method reads nothing that could authenticate. */
  public static Optional<Gate> analyze(JavaUnit unit, CallableDeclaration<?> method, GuardPlace place,
      RejectVocabulary vocabulary) {
    List<Term> terms = terms(unit, method);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    List<Gate> gates = new ArrayList<>();
    for (Term term : terms) {
      gates.add(judge(unit, method, place, vocabulary, term));
    }
    gates.sort(Comparator.comparingInt(GateAnalysis::rank));
    Gate best = gates.get(0);
    Set<CredentialSource> all = EnumSet.noneOf(CredentialSource.class);
    terms.forEach(t -> all.addAll(t.credentials()));
    if (all.isEmpty()) {
      // the checked value came through a path wsguard did not follow: what the method reads is the credential
      for (MethodCallExpr m : method.findAll(MethodCallExpr.class)) {
        Credentials.read(m).ifPresent(all::add);
      }
      for (com.github.javaparser.ast.expr.ObjectCreationExpr o
          : method.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class)) {
        Credentials.read(o).ifPresent(all::add);
      }
    }
    Set<CredentialSource> creds = all.isEmpty() ? best.credentials() : all;
    return Optional.of(new Gate(best.place(), best.strength(), best.coverage(), best.description(), best.evidence(),
        best.related(), best.uncovered(), creds, best.helper(), best.helperMustThrow(), best.userPropertyKey()));
  }

  /**
   * What the method's strongest credential check is worth by itself, whatever it then does with the result (for a
   * check whose outcome another method acts on); empty when it reads nothing that could authenticate.
   */
  public static Optional<Gate> credentialCheck(JavaUnit unit, CallableDeclaration<?> method, GuardPlace place) {
    List<Term> terms = terms(unit, method);
    Optional<Term> best = terms.stream().filter(t -> t.propertyKey() == null)
        .min(Comparator.comparingInt(t -> switch (t.strength()) {
          case VERIFIED -> 0;
          case UNKNOWN -> 1;
          case FAILS_OPEN -> 2;
          case DECODED_ONLY -> 3;
        }));
    return best.map(t -> new Gate(place, t.strength(), Coverage.ALL_PATHS, t.description(), unit.head(t.expr()),
        List.of(), List.of(), t.credentials(), t.helper(), false, null));
  }

  private static int rank(Gate g) {
    int strength = switch (g.strength()) {
      case VERIFIED -> 0;
      case UNKNOWN -> 1;
      case FAILS_OPEN -> 2;
      case DECODED_ONLY -> 3;
    };
    return strength * 3 + (g.coverage() == Coverage.ALL_PATHS ? 0 : 1);
  }

  private static List<Term> terms(JavaUnit unit, CallableDeclaration<?> method) {
    List<Term> out = new ArrayList<>();
    Set<Node> taken = new HashSet<>();
    for (TokenCall t : TokenCalls.in(method, unit.types())) {
      if (!t.signatureChecked() && !t.resultTrusted()) {
        continue;
      }
      Strength s = !t.signatureChecked() ? Strength.DECODED_ONLY
          : t.failureSwallowed() ? Strength.FAILS_OPEN : Strength.VERIFIED;
      Set<CredentialSource> creds = argCredentials(t.call());
      t.call().getScope().ifPresent(scope -> creds.addAll(Credentials.readBy(scope)));
      out.add(new Term(t.call(), s, t.library(), creds, null, null, t));
      taken.add(t.call());
    }
    for (MethodCallExpr m : method.findAll(MethodCallExpr.class)) {
      if (taken.contains(m)) {
        continue;
      }
      String name = m.getNameAsString();
      if (name.equals("getUserPrincipal") || name.equals("getRemoteUser") || name.equals("isUserInRole")) {
        out.add(new Term(m, Strength.VERIFIED, "the container's authenticated user (" + name + ")",
            Set.of(CredentialSource.HTTP_SESSION), null, null, null));
      } else if (name.equals("getAttribute") && fromHttpSession(m, unit)) {
        out.add(new Term(m, Strength.VERIFIED, "the HTTP session's " + m.getArguments() + " attribute",
            Set.of(CredentialSource.HTTP_SESSION), null, null, null));
      } else if (name.equals("get") && m.getScope().isPresent()
          && Code.chainMethods(m).contains("getUserProperties") && m.getArguments().size() == 1
          && m.getArgument(0) instanceof StringLiteralExpr key) {
        out.add(new Term(m, Strength.UNKNOWN, "the user property \"" + key.getValue() + "\"", Set.of(), null,
            key.getValue(), null));
      } else {
        helper(unit, method, m).ifPresent(out::add);
      }
    }
    return out;
  }

  private static boolean fromHttpSession(MethodCallExpr getAttribute, JavaUnit unit) {
    if (Code.chainMethods(getAttribute).contains("getHttpSession")) {
      return true;
    }
    // a variable declared as the servlet HttpSession, however it was obtained (a user property the configurator
    // copied it into, say): its attributes are the session's
    Optional<Expression> scope = getAttribute.getScope();
    if (scope.isPresent() && Code.declaredType(scope.get(), unit.types())
        .filter(t -> t.equals("jakarta.servlet.http.HttpSession") || t.equals("javax.servlet.http.HttpSession"))
        .isPresent()) {
      return true;
    }
    Expression root = Code.chainRoot(getAttribute.getScope().orElse(getAttribute));
    return root instanceof NameExpr n
        && Code.initializer(n).map(i -> i.toString().contains("getHttpSession")).orElse(false);
  }

  /** A call into project code that receives the credential, or the whole request to read it from. */
  private static Optional<Term> helper(JavaUnit unit, CallableDeclaration<?> method, MethodCallExpr m) {
    if (Credentials.read(m).isPresent() || m.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Set<CredentialSource> creds = argCredentials(m);
    boolean takesRequest = m.getArguments().stream().anyMatch(a -> isRequestParameter(method, a));
    if (creds.isEmpty() && !takesRequest) {
      return Optional.empty();
    }
    if (Summaries.storeLookup(m) && !creds.isEmpty()) {
      // the credential is looked up server-side (a session or API-key store): a miss means it is not valid
      return Optional.of(new Term(m, Strength.VERIFIED, "a lookup of the credential in "
          + m.getScope().map(Object::toString).orElse("a store"), creds, null, null, null));
    }
    Optional<String> owner = owner(unit, m);
    if (owner.isEmpty() || LIBRARY_PACKAGES.stream().anyMatch(owner.get()::startsWith)) {
      return Optional.empty();
    }
    HelperRef ref = new HelperRef(owner.get(), m.getNameAsString(), m.getArguments().size(), unit.head(m));
    return Optional.of(new Term(m, Strength.UNKNOWN, ref.describe(), creds, ref, null, null));
  }

  /** The class a call is made on: the declared type of its receiver, the named class, or this class. */
  public static Optional<String> owner(JavaUnit unit, MethodCallExpr m) {
    if (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr) {
      return m.findAncestor(TypeDeclaration.class).flatMap(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName());
    }
    Expression scope = Code.unwrap(m.getScope().get());
    if (scope instanceof NameExpr n) {
      Optional<Code.VariableSite> site = Code.declaration(n);
      if (site.isPresent()) {
        return site.get().type().equals("var") ? Optional.empty()
            : Optional.of(qualify(unit, site.get().type()));
      }
      return Character.isUpperCase(n.getNameAsString().charAt(0))
          ? Optional.of(qualify(unit, n.getNameAsString())) : Optional.empty();
    }
    if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      return Code.field(f).map(v -> qualify(unit, v.getTypeAsString()));
    }
    return Optional.empty();
  }

  /**
   * A written type name as a fully qualified one: through the imports, else the file's own package (a class of the
   * same package needs no import). JDK types named without an import (String, Map) stay as written.
   */
  public static String qualify(JavaUnit unit, String written) {
    String resolved = unit.types().resolve(written);
    if (resolved.contains(".") || unit.types().packageName().isEmpty() || JDK_SIMPLE.contains(resolved)) {
      return resolved;
    }
    return unit.types().packageName() + "." + resolved;
  }

  private static final Set<String> JDK_SIMPLE = Set.of("String", "Object", "Integer", "Long", "Boolean", "Map",
      "List", "Set", "Optional", "Thread", "System", "Math", "Collections", "Arrays", "Objects", "Base64", "UUID",
      "Instant", "Duration", "StringBuilder", "Character", "Double", "Exception", "RuntimeException");

  private static boolean isRequestParameter(CallableDeclaration<?> method, Expression arg) {
    if (!(Code.unwrap(arg) instanceof NameExpr n)) {
      return false;
    }
    for (Parameter p : method.getParameters()) {
      if (p.getNameAsString().equals(n.getNameAsString())) {
        String type = p.getType().asString();
        return REQUEST_TYPE_ENDINGS.stream().anyMatch(type::endsWith);
      }
    }
    return false;
  }

  private static Set<CredentialSource> argCredentials(MethodCallExpr m) {
    Set<CredentialSource> out = EnumSet.noneOf(CredentialSource.class);
    m.getArguments().forEach(a -> out.addAll(Credentials.readBy(a)));
    return out;
  }

  private static Gate judge(JavaUnit unit, CallableDeclaration<?> method, GuardPlace place, RejectVocabulary v,
      Term term) {
    Statement decision = null;
    boolean mustThrow = false;
    List<String> derived = derivedNames(term.expr());
    for (IfStmt i : method.findAll(IfStmt.class)) {
      boolean tests = term.expr().isDescendantOf(i.getCondition())
          || i.getCondition().findAll(NameExpr.class).stream().anyMatch(n -> derived.contains(n.getNameAsString()));
      if (tests && (rejects(i.getThenStmt(), v) || i.getElseStmt().map(e -> rejects(e, v)).orElse(false))) {
        decision = i;
        break;
      }
    }
    if (decision == null && (term.token() != null && term.strength() == Strength.VERIFIED || term.helper() != null)) {
      Optional<TryStmt> guardingTry = term.expr().findAncestor(TryStmt.class)
          .filter(t -> t.getTryBlock().isAncestorOf(term.expr()) && method.isAncestorOf(t));
      if (guardingTry.isPresent()) {
        boolean catchRejects = guardingTry.get().getCatchClauses().stream().anyMatch(c -> rejects(c.getBody(), v));
        if (catchRejects) {
          decision = guardingTry.get();
        }
      } else if (v.throwRejects()) {
        decision = term.expr().findAncestor(Statement.class).orElse(null);
        mustThrow = term.helper() != null;
      }
    }
    List<RelatedLocation> related = new ArrayList<>();
    if (term.token() != null && term.token().swallowedAt() != null) {
      related.add(new RelatedLocation(unit.head(term.token().swallowedAt()),
          "a failed verification is caught here and the handshake carries on"));
    }
    if (decision == null) {
      Strength s = term.strength() == Strength.DECODED_ONLY ? Strength.DECODED_ONLY : Strength.FAILS_OPEN;
      String why = term.description() + " is checked, but a failed check does not refuse the connection";
      if (term.helper() != null || term.propertyKey() != null) {
        s = Strength.FAILS_OPEN;
      }
      return new Gate(place, s, Coverage.ALL_PATHS, why, unit.head(term.expr()), related, List.of(),
          term.credentials(), null, false, null);
    }
    List<String> uncovered = new ArrayList<>();
    Strength strength = term.strength();
    String description = term.description();
    for (Node n = decision.getParentNode().orElse(null); n != null && n != method; n =
        n.getParentNode().orElse(null)) {
      // an instanceof test sorts message kinds (the HTTP request from later frames); it is no way around the check
      if (n instanceof IfStmt i && !decision.isDescendantOf(i.getCondition())
          && !(Code.unwrap(i.getCondition()) instanceof com.github.javaparser.ast.expr.InstanceOfExpr)) {
        boolean inElse = i.getElseStmt().map(decisionIn(decision)::test).orElse(false);
        uncovered.add("connections where `" + i.getCondition() + "` is " + (inElse ? "true" : "false"));
      } else if (n instanceof SwitchEntry || n instanceof ForStmt || n instanceof ForEachStmt
          || n instanceof WhileStmt || n instanceof DoStmt || n instanceof CatchClause || n instanceof LambdaExpr) {
        uncovered.add("paths that skip the " + n.getClass().getSimpleName().replace("Stmt", "").toLowerCase(
            java.util.Locale.ROOT) + " around the check");
      }
    }
    for (Statement before : statementsBefore(method, decision)) {
      for (ReturnStmt r : before.findAll(ReturnStmt.class)) {
        if (!insideRejectingBranch(r, v)) {
          uncovered.add("the early return at line " + r.getBegin().map(p -> p.line).orElse(0));
        }
      }
      for (MethodCallExpr call : before.findAll(MethodCallExpr.class)) {
        if (v.sendCalls().contains(call.getNameAsString())) {
          strength = Strength.FAILS_OPEN;
          description = description + " runs only after a send at line " + call.getBegin().map(p -> p.line)
              .orElse(0) + ", so data reaches unchecked connections";
        }
        if (v.proceedCalls().contains(call.getNameAsString()) && !insideRejectingBranch(call, v)) {
          strength = Strength.FAILS_OPEN;
          description = description + " runs after the request is passed on";
        }
      }
    }
    return new Gate(place, strength, uncovered.isEmpty() ? Coverage.ALL_PATHS : Coverage.SOME_PATHS, description,
        unit.head(term.expr()), related, uncovered, term.credentials(), term.helper(), mustThrow,
        term.propertyKey());
  }

  private static java.util.function.Predicate<Statement> decisionIn(Statement decision) {
    return s -> s == decision || decision.isDescendantOf(s);
  }

  /** Locals holding the term's result, and locals computed from those. */
  private static List<String> derivedNames(Node expr) {
    List<String> out = new ArrayList<>();
    if (expr instanceof Expression e) {
      Code.storedIn(e).ifPresent(out::add);
      Node parent = e.getParentNode().orElse(null);
      while (parent instanceof MethodCallExpr chained) {
        Optional<String> n = Code.storedIn(chained);
        if (n.isPresent()) {
          out.add(n.get());
          break;
        }
        parent = chained.getParentNode().orElse(null);
      }
    }
    Node body = Code.body(expr);
    if (body != null && !out.isEmpty()) {
      for (com.github.javaparser.ast.body.VariableDeclarator d :
          body.findAll(com.github.javaparser.ast.body.VariableDeclarator.class)) {
        if (d.getInitializer().isPresent() && d.getInitializer().get().findAll(NameExpr.class).stream()
            .anyMatch(n -> out.contains(n.getNameAsString()))) {
          out.add(d.getNameAsString());
        }
      }
    }
    return out;
  }

  /** The branch refuses the connection: it closes (or throws, where that refuses) and, if it must, leaves. */
  static boolean rejects(Statement branch, RejectVocabulary v) {
    boolean closes = branch.findAll(MethodCallExpr.class).stream()
        .anyMatch(m -> v.rejectCalls().contains(m.getNameAsString()))
        || branch.findAll(FieldAccessExpr.class).stream().anyMatch(f -> f.getNameAsString().equals("CLOSE"));
    boolean throwsOut = v.throwRejects() && !branch.findAll(ThrowStmt.class).isEmpty();
    if (!closes && !throwsOut) {
      return false;
    }
    return !v.mustLeave() || Code.exits(branch) || throwsOut;
  }

  private static boolean insideRejectingBranch(Node n, RejectVocabulary v) {
    for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof Statement s && p.getParentNode().orElse(null) instanceof IfStmt && rejects(s, v)) {
        return true;
      }
      if (p instanceof CallableDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /** The statements that run before the decision: earlier siblings at each level up to the method body. */
  private static List<Statement> statementsBefore(CallableDeclaration<?> method, Statement decision) {
    List<Statement> out = new ArrayList<>();
    for (Node n = decision; n != null && n != method; n = n.getParentNode().orElse(null)) {
      if (n instanceof Statement s && s.getParentNode().orElse(null) instanceof BlockStmt b) {
        int i = b.getStatements().indexOf(s);
        if (i > 0) {
          out.addAll(b.getStatements().subList(0, i));
        }
      }
    }
    return out;
  }
}
