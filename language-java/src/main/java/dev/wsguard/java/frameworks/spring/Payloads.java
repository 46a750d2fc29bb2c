package dev.wsguard.java.frameworks.spring;

import dev.wsguard.java.unit.Budget;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.wsguard.core.model.Provenance;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies where a sent payload comes from (DESIGN "Sends"): the incoming message (echo), constants and public
 * feeds, one user's data, sensitive data (credentials, user lists, query results) or unknown. Values are followed
 * through locals, serialisers, constructors and, one class deep, the arguments a private helper is called with.
 * Inputs: the expression and {@link MessageScope}, which says which names hold the incoming message.
 */
public final class Payloads {
  /** Ordered weakest to strongest: combining keeps the strongest. */
  enum Kind {
    PUBLIC,
    ECHO,
    UNKNOWN,
    PER_USER,
    SENSITIVE;

    Kind max(Kind other) {
      return other.ordinal() > ordinal() ? other : this;
    }

    Provenance provenance() {
      return switch (this) {
        case PUBLIC -> Provenance.PUBLIC;
        case ECHO -> Provenance.ECHO;
        case UNKNOWN -> Provenance.UNKNOWN;
        case PER_USER -> Provenance.PER_USER;
        case SENSITIVE -> Provenance.SENSITIVE;
      };
    }
  }

  private static final int MAX_DEPTH = 8;
  private static final Set<String> SENSITIVE = Set.of("password", "passwd", "secret", "token", "tokens", "session",
      "sessions", "cookie", "credential", "credentials", "apikey", "users", "accounts", "customers", "members",
      "patients", "employees", "orders", "payments", "invoices", "transactions", "email", "emails", "phone",
      "address", "ssn", "salary", "card", "iban", "roster", "balances", "key");
  private static final Set<String> PER_USER = Set.of("user", "profile", "account", "me", "balance", "wallet",
      "inbox", "notifications", "preferences", "settings", "cart", "history", "portfolio");
  private static final Set<String> PUBLIC = Set.of("price", "prices", "ticker", "tickers", "quote", "quotes", "rate",
      "rates", "time", "timestamp", "now", "date", "clock", "uptime", "count", "counts", "total", "online", "size",
      "length", "version", "heartbeat", "ping", "pong", "score", "scores", "weather", "market", "status", "sender",
      "from", "author", "name");
  /** Records that are public by nature, or aggregates that name no one. */
  private static final Set<String> PUBLIC_RECORDS = Set.of("price", "prices", "ticker", "tickers", "quote",
      "quotes", "rate", "rates", "weather", "market", "score", "scores", "count", "total", "version", "headline",
      "headlines");
  private static final Set<String> SERIALISERS = Set.of("writeValueAsString", "writeValueAsBytes", "toJson",
      "valueOf", "toString", "format", "formatted", "of", "ofEntries", "asList", "singletonList", "singletonMap",
      "join", "encode", "serialize", "trim", "strip", "toUpperCase", "toLowerCase", "getBytes", "wrap");
  private static final Set<String> READ_VERBS = Set.of("find", "get", "list", "load", "query", "search", "fetch",
      "all", "read", "select", "stream", "lookup");
  private static final Set<String> STORE_WORDS = Set.of("repository", "repo", "dao", "db", "database", "jdbc",
      "template", "store", "manager", "mapper", "client");
  private static final Set<String> TIME_CALLS = Set.of("currentTimeMillis", "nanoTime", "now", "size", "length",
      "count", "randomUUID", "getId");

  private final MessageScope scope;

  public Payloads(MessageScope scope) {
    this.scope = scope;
  }

  public Provenance classify(Expression payload) {
    return kind(payload, 0).provenance();
  }

  Kind kind(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return Kind.UNKNOWN;
    }
    if (e instanceof LiteralExpr) {
      return Kind.PUBLIC;
    }
    if (scope.derived(e)) {
      return Kind.ECHO;
    }
    if (e instanceof EnclosedExpr en) {
      return kind(en.getInner(), depth + 1);
    }
    if (e instanceof CastExpr c) {
      return kind(c.getExpression(), depth + 1);
    }
    if (e instanceof BinaryExpr b) {
      return kind(b.getLeft(), depth + 1).max(kind(b.getRight(), depth + 1));
    }
    if (e instanceof ConditionalExpr c) {
      return kind(c.getThenExpr(), depth + 1).max(kind(c.getElseExpr(), depth + 1));
    }
    if (e instanceof ArrayInitializerExpr a) {
      return all(a.getValues(), depth);
    }
    if (e instanceof ArrayCreationExpr a) {
      return a.getInitializer().map(i -> kind(i, depth + 1)).orElse(Kind.PUBLIC);
    }
    if (e instanceof ObjectCreationExpr o) {
      return o.getArguments().isEmpty() ? byName(o.getTypeAsString(), Kind.PUBLIC) : all(o.getArguments(), depth);
    }
    if (e instanceof NameExpr n) {
      return name(n, depth);
    }
    if (e instanceof FieldAccessExpr f) {
      return byName(f.getNameAsString(), Kind.UNKNOWN);
    }
    if (e instanceof MethodCallExpr call) {
      return call(call, depth);
    }
    return Kind.UNKNOWN;
  }

  private Kind all(List<? extends Expression> values, int depth) {
    Kind k = Kind.PUBLIC;
    for (Expression v : values) {
      k = k.max(kind(v, depth + 1));
    }
    return k;
  }

  private Kind name(NameExpr n, int depth) {
    Budget.check();
    String name = n.getNameAsString();
    Optional<Node> declaration = declaration(n);
    if (declaration.isPresent() && declaration.get() instanceof VariableDeclarator v
        && v.getParentNode().filter(p -> !(p instanceof com.github.javaparser.ast.body.FieldDeclaration))
            .isPresent()) {
      Kind k = v.getInitializer().map(i -> kind(i, depth + 1)).orElse(Kind.PUBLIC);
      Node body = v.findAncestor(CallableDeclaration.class).map(c -> (Node) c).orElse(v);
      for (AssignExpr a : body.findAll(AssignExpr.class, a -> a.getTarget().toString().equals(name))) {
        k = k.max(kind(a.getValue(), depth + 1));
      }
      // a value wsguard cannot follow is still named for what it holds: List<String> customers = ...
      return k == Kind.UNKNOWN ? byName(name, Kind.UNKNOWN) : k;
    }
    if (declaration.isPresent() && declaration.get() instanceof Parameter p) {
      if (scope.principal(p)) {
        return Kind.PUBLIC; // the sender's own name or principal: who said it, shown to the room
      }
      Optional<Kind> fromCallers = callers(p, depth);
      if (fromCallers.isPresent()) {
        return fromCallers.get();
      }
    }
    return byName(name, Kind.UNKNOWN);
  }

  /** A private helper's parameter: the strongest of the arguments its callers in the class pass. */
  private Optional<Kind> callers(Parameter p, int depth) {
    Optional<MethodDeclaration> method = p.getParentNode().filter(MethodDeclaration.class::isInstance)
        .map(MethodDeclaration.class::cast);
    Optional<TypeDeclaration> type = p.findAncestor(TypeDeclaration.class);
    if (method.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    int index = method.get().getParameters().indexOf(p);
    String name = method.get().getNameAsString();
    List<MethodCallExpr> calls = type.get().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals(name)
        && (c.getScope().isEmpty() || c.getScope().get().isThisExpr()) && c.getArguments().size() > index);
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    Kind k = Kind.PUBLIC;
    for (MethodCallExpr c : calls) {
      k = k.max(kind(c.getArgument(index), depth + 1));
    }
    return Optional.of(k);
  }

  private Kind call(MethodCallExpr call, int depth) {
    String name = call.getNameAsString();
    if (name.equals("getName") && call.getScope().map(s -> scope.principalExpr(s)).orElse(false)) {
      return Kind.PUBLIC;
    }
    if (SERIALISERS.contains(name)) {
      Kind k = call.getArguments().isEmpty() ? Kind.PUBLIC : mapEntries(call, depth);
      if (name.equals("toString") || name.equals("formatted") || name.equals("trim") || name.equals("strip")
          || name.startsWith("to") || name.equals("getBytes")) {
        k = k.max(call.getScope().map(s -> kind(s, depth + 1)).orElse(Kind.PUBLIC));
      }
      return k;
    }
    if (TIME_CALLS.contains(name)) {
      return Kind.PUBLIC;
    }
    List<String> words = JavaCode.words(name);
    boolean reads = !words.isEmpty() && READ_VERBS.contains(words.get(0));
    if (reads && call.getScope().isPresent()) {
      List<String> receiverWords = new java.util.ArrayList<>(JavaCode.words(call.getScope().get().toString()));
      // the receiver's declared type names the store when its variable does not: UserRepository users
      JavaCode.receiverType(call).ifPresent(t -> receiverWords.addAll(JavaCode.words(t.replaceAll("<.*", ""))));
      if (receiverWords.stream().anyMatch(STORE_WORDS::contains)) {
        // records read from a store are query results, unless they are a public feed or an aggregate
        return words.stream().anyMatch(PUBLIC_RECORDS::contains) || receiverWords.stream()
            .anyMatch(PUBLIC_RECORDS::contains) ? Kind.PUBLIC : Kind.SENSITIVE;
      }
    }
    Kind byWords = byName(name, Kind.UNKNOWN);
    if (byWords != Kind.UNKNOWN) {
      return byWords;
    }
    if (call.getScope().isPresent() && !(call.getScope().get() instanceof NameExpr)) {
      return kind(call.getScope().get(), depth + 1).max(Kind.UNKNOWN);
    }
    return Kind.UNKNOWN;
  }

  /** {@code Map.of("users", list, "type", "x")}: a sensitive key holding data makes the whole map sensitive. */
  private Kind mapEntries(MethodCallExpr call, int depth) {
    Kind k = Kind.PUBLIC;
    List<Expression> args = call.getArguments();
    boolean pairs = call.getNameAsString().equals("of") && call.getScope().map(Object::toString).orElse("")
        .endsWith("Map") && args.size() % 2 == 0;
    for (int i = 0; i < args.size(); i++) {
      Kind v = kind(args.get(i), depth + 1);
      if (pairs && i % 2 != 0) {
        Optional<String> key = JavaCode.string(args.get(i - 1));
        if (key.isPresent() && v != Kind.PUBLIC && wordsIn(key.get(), SENSITIVE)) {
          v = Kind.SENSITIVE;
        }
      }
      k = k.max(v);
    }
    return k;
  }

  /** What a name says its value holds (a feed called {@code prices}); UNKNOWN when it says nothing. */
  public static Provenance named(String name) {
    return byName(name, Kind.UNKNOWN).provenance();
  }

  private static Kind byName(String name, Kind otherwise) {
    if (wordsIn(name, SENSITIVE)) {
      return Kind.SENSITIVE;
    }
    if (wordsIn(name, PER_USER)) {
      return Kind.PER_USER;
    }
    if (wordsIn(name, PUBLIC)) {
      return Kind.PUBLIC;
    }
    return otherwise;
  }

  private static boolean wordsIn(String name, Set<String> set) {
    return JavaCode.words(name).stream().anyMatch(set::contains);
  }

  /** The local, parameter or field a name refers to. */
  private static Optional<Node> declaration(NameExpr n) {
    String name = n.getNameAsString();
    for (Node p = n; p != null; p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> c) {
        for (VariableDeclarator v : c.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))) {
          return Optional.of(v);
        }
        for (Parameter param : c.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return Optional.of(param);
          }
        }
      } else if (p instanceof com.github.javaparser.ast.expr.LambdaExpr l) {
        for (Parameter param : l.getParameters()) {
          if (param.getNameAsString().equals(name)) {
            return Optional.of(param);
          }
        }
      } else if (p instanceof TypeDeclaration<?>) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
