package dev.wsguard.java.analysis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.expr.SwitchExpr;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.java.unit.JavaUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one message-handling method into model message handlers: one per message type when it dispatches (a
 * {@code switch} or an {@code if} chain on a field of the incoming message), else one for the whole method. For
 * each: the privileged action it performs (a state-changing call on project code, {@code privileged-verbs.txt}),
 * whether a permission check of the connection's user guards it (a role or permission call, a role test, an
 * ownership comparison of a client-supplied id with the connection's identity), and the client-supplied id acted on.
 */
public final class HandlerAnalysis {
  private static final Set<String> IDENTITY_WORDS = Set.of("user", "principal", "owner", "current", "me", "caller",
      "subject", "account", "authenticated", "login", "username", "author", "creator");
  private static final Set<String> ROLE_WORDS = Set.of("role", "roles", "admin", "authority", "authorities",
      "permission", "permissions", "scope", "scopes", "moderator", "staff", "superuser", "privileged");
  private static final Set<String> EXCLUDED_TYPES = Set.of("Map", "HashMap", "ConcurrentHashMap", "List",
      "ArrayList", "Set", "HashSet", "Collection", "StringBuilder", "JsonObject", "ObjectNode", "JSONObject",
      "Session", "WebSocket", "Channel", "ChannelHandlerContext", "ChannelGroup", "Queue", "Deque", "Logger",
      "AtomicInteger", "AtomicLong", "CopyOnWriteArraySet", "ConcurrentMap", "Gson", "ObjectMapper");

  /** One place a message type is handled, before it becomes a model handler. */
  private record Site(String messageType, Node anchor, Node body) {}

  private HandlerAnalysis() {}

  /**
   * @param incoming names holding what the client sent (the message parameter, path parameters); locals derived
   *     from them are added here
   */
  public static List<MessageHandler> analyze(JavaUnit unit, Node method, Set<String> incoming,
      Node methodAnchor) {
    Set<String> from = derived(method, incoming);
    List<Site> sites = sites(method, from);
    if (sites.isEmpty()) {
      sites = List.of(new Site(null, methodAnchor, method));
    }
    List<MessageHandler> out = new ArrayList<>();
    boolean checkedBeforeDispatch = sites.get(0).body() != method && checksPermission(before(method, sites), from);
    for (Site site : sites) {
      Optional<MethodCallExpr> action = privileged(unit, site.body(), from);
      if (action.isEmpty()) {
        out.add(new MessageHandler(site.messageType(), unit.head(site.anchor()), null, PermissionCheck.ABSENT, null,
            List.of()));
        continue;
      }
      MethodCallExpr call = action.get();
      String what = "calls " + call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
      boolean checked = checkedBeforeDispatch || checksPermission(List.of(site.body()), from)
          || site.body() != method && checksPermission(before(method, sites), from);
      String clientId = checked ? null : clientSuppliedId(call, from);
      List<RelatedLocation> evidence = List.of(new RelatedLocation(unit.head(call), "the privileged call"));
      out.add(new MessageHandler(site.messageType(), unit.head(site.anchor()), what,
          checked ? PermissionCheck.PRESENT : PermissionCheck.ABSENT, clientId, evidence));
    }
    return out;
  }

  /** The names derived from the incoming ones inside the method (parsed JSON, fields read from it). */
  public static Set<String> derived(Node method, Set<String> incoming) {
    Set<String> out = new LinkedHashSet<>(incoming);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
        if (!out.contains(v.getNameAsString()) && v.getInitializer().isPresent()
            && v.getInitializer().get().findAll(NameExpr.class).stream()
                .anyMatch(n -> out.contains(n.getNameAsString()))
            || !out.contains(v.getNameAsString()) && v.getInitializer().isPresent()
                && v.getInitializer().get() instanceof NameExpr n && out.contains(n.getNameAsString())) {
          out.add(v.getNameAsString());
          grew = true;
        }
      }
      for (com.github.javaparser.ast.expr.AssignExpr a : method.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
        if (a.getTarget() instanceof NameExpr t && !out.contains(t.getNameAsString())
            && (a.getValue() instanceof NameExpr n && out.contains(n.getNameAsString())
                || a.getValue().findAll(NameExpr.class).stream().anyMatch(n -> out.contains(n.getNameAsString())))) {
          out.add(t.getNameAsString());
          grew = true;
        }
      }
    }
    return out;
  }

  private static List<Site> sites(Node method, Set<String> from) {
    List<Site> out = new ArrayList<>();
    for (SwitchStmt s : method.findAll(SwitchStmt.class)) {
      if (mentions(s.getSelector(), from)) {
        entries(s.getEntries(), out);
      }
    }
    for (SwitchExpr s : method.findAll(SwitchExpr.class)) {
      if (mentions(s.getSelector(), from)) {
        entries(s.getEntries(), out);
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    for (IfStmt i : method.findAll(IfStmt.class)) {
      Optional<String> label = typeTest(i.getCondition(), from);
      label.ifPresent(l -> out.add(new Site(l, i, i.getThenStmt())));
    }
    return out;
  }

  private static void entries(NodeList<SwitchEntry> entries, List<Site> out) {
    for (SwitchEntry e : entries) {
      String label = e.getLabels().isEmpty() ? "default" : e.getLabels().get(0) instanceof StringLiteralExpr s
          ? s.getValue() : e.getLabels().get(0).toString();
      out.add(new Site(label, e, e));
    }
  }

  /** {@code "delete".equals(type)}, {@code type.equals("delete")}, {@code type == Kind.DELETE}. */
  private static Optional<String> typeTest(Expression condition, Set<String> from) {
    if (condition instanceof MethodCallExpr m && (m.getNameAsString().equals("equals")
        || m.getNameAsString().equals("equalsIgnoreCase")) && m.getArguments().size() == 1 && m.getScope().isPresent()) {
      Expression a = m.getScope().get();
      Expression b = m.getArgument(0);
      if (a instanceof StringLiteralExpr s && mentions(b, from)) {
        return Optional.of(s.getValue());
      }
      if (b instanceof StringLiteralExpr s && mentions(a, from)) {
        return Optional.of(s.getValue());
      }
    }
    if (condition instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.EQUALS
        && b.getRight() instanceof FieldAccessExpr f && mentions(b.getLeft(), from)) {
      return Optional.of(f.getNameAsString());
    }
    return Optional.empty();
  }

  private static boolean mentions(Node e, Set<String> names) {
    return e instanceof NameExpr n && names.contains(n.getNameAsString())
        || e.findAll(NameExpr.class).stream().anyMatch(n -> names.contains(n.getNameAsString()));
  }

  /** Statements of the method before the first dispatch site: checks there guard every type. */
  private static List<Node> before(Node method, List<Site> sites) {
    List<Node> out = new ArrayList<>();
    Node first = sites.get(0).anchor();
    for (Statement s : method.findAll(Statement.class)) {
      if (s.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.BlockStmt
          && s.getRange().isPresent() && first.getRange().isPresent()
          && s.getRange().get().end.isBefore(first.getRange().get().begin)) {
        out.add(s);
      }
    }
    return out;
  }

  private static Optional<MethodCallExpr> privileged(JavaUnit unit, Node body, Set<String> from) {
    Set<String> verbs = Apis.words("privileged-verbs");
    Set<String> excluded = Apis.names("privileged-receivers-excluded");
    for (MethodCallExpr m : body.findAll(MethodCallExpr.class)) {
      if (!verbs.contains(Words.first(m.getNameAsString()))) {
        continue;
      }
      if (m.getScope().isEmpty() || m.getScope().get() instanceof ThisExpr) {
        Optional<MethodDeclaration> local = m.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
            .flatMap(t -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) t)
                .getMethodsByName(m.getNameAsString()).stream().findFirst());
        // a method of this class that only books connections (addSession) is not the privileged action
        if (local.isPresent() && local.get().findAll(MethodCallExpr.class).stream()
            .anyMatch(c -> verbs.contains(Words.first(c.getNameAsString())) && projectReceiver(unit, c, excluded,
                from))) {
          return Optional.of(m);
        }
        continue;
      }
      if (projectReceiver(unit, m, excluded, from) && (!CREATING.contains(Words.first(m.getNameAsString()))
          || clientSuppliedId(m, from) != null)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Verbs that create or edit content in the sender's own name (a chat line saved, the sender's own status updated):
   * privileged only when they act on a record the client names by id; the destructive and administrative verbs
   * (delete, kick, grant, shutdown, ...) always are.
   */
  private static final Set<String> CREATING = Set.of("save", "insert", "create", "add", "append", "persist", "put",
      "write", "upsert", "merge", "update", "set", "patch", "rename", "move");

  private static boolean projectReceiver(JavaUnit unit, MethodCallExpr m, Set<String> excluded, Set<String> from) {
    if (m.getScope().isEmpty()) {
      return false;
    }
    Expression scope = Code.unwrap(m.getScope().get());
    String name;
    Optional<String> type;
    if (scope instanceof NameExpr n) {
      name = n.getNameAsString();
      Optional<Code.VariableSite> site = Code.declaration(n);
      type = site.map(Code.VariableSite::type);
      if (site.isEmpty() && !Character.isUpperCase(name.charAt(0))) {
        return false;
      }
    } else if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
      name = f.getNameAsString();
      type = Code.field(f).map(VariableDeclarator::getTypeAsString);
    } else {
      return false;
    }
    if (excluded.contains(name) || from.contains(name)) {
      return false;
    }
    if (type.isPresent()) {
      String t = type.get();
      String simple = t.contains("<") ? t.substring(0, t.indexOf('<')) : t;
      String qualified = GateAnalysis.qualify(unit, simple);
      if (EXCLUDED_TYPES.contains(simple) || qualified.startsWith("java.") || qualified.startsWith("jakarta.")
          || qualified.startsWith("javax.") || qualified.startsWith("io.netty.")
          || qualified.startsWith("org.java_websocket.") || qualified.startsWith("com.fasterxml.")
          || simple.equals("var") || simple.equals("String")) {
        return false;
      }
    }
    return true;
  }

  /** A role or permission call, a role test, or an ownership comparison, in a condition that can stop the action. */
  private static boolean checksPermission(List<Node> nodes, Set<String> from) {
    Set<String> checks = Apis.names("permission-checks");
    for (Node node : nodes) {
      for (MethodCallExpr m : node.findAll(MethodCallExpr.class)) {
        String name = m.getNameAsString();
        if (checks.stream().anyMatch(c -> name.equals(c) || name.startsWith(c) && name.length() > c.length()
            && Character.isUpperCase(name.charAt(c.length())))) {
          return true;
        }
      }
      for (IfStmt i : node.findAll(IfStmt.class)) {
        Set<String> words = new HashSet<>();
        i.getCondition().findAll(NameExpr.class).forEach(n -> words.addAll(Words.of(n.getNameAsString())));
        i.getCondition().findAll(MethodCallExpr.class).forEach(n -> words.addAll(Words.of(n.getNameAsString())));
        i.getCondition().findAll(StringLiteralExpr.class)
            .forEach(s -> words.add(s.getValue().toLowerCase(Locale.ROOT)));
        if (words.stream().anyMatch(ROLE_WORDS::contains)) {
          return true;
        }
        boolean compares = !i.getCondition().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("equals"))
            .isEmpty() || !i.getCondition().findAll(BinaryExpr.class, b -> b.getOperator() == BinaryExpr.Operator
            .NOT_EQUALS || b.getOperator() == BinaryExpr.Operator.EQUALS).isEmpty();
        if (compares && words.stream().anyMatch(IDENTITY_WORDS::contains) && mentionsAny(i.getCondition(), from)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentionsAny(Node n, Set<String> from) {
    return mentions(n, from) || n.findAll(MethodCallExpr.class).stream()
        .anyMatch(m -> Words.of(m.getNameAsString()).contains("owner"));
  }

  /** The argument of the privileged call that names a user or resource by an id the client sent. */
  private static String clientSuppliedId(MethodCallExpr call, Set<String> from) {
    for (Expression a : call.getArguments()) {
      if (!mentions(a, from)) {
        continue;
      }
      String text = a.toString();
      if (Words.of(text.replaceAll("[^A-Za-z0-9]", " ")).stream().anyMatch(w -> w.equals("id") || w.equals("ids"))
          || text.toLowerCase(Locale.ROOT).endsWith("id")) {
        return text;
      }
    }
    return null;
  }
}
