package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What values mean for authentication. Flow-insensitive: a variable or member is a verification result when every
 * value ever assigned to it (null aside) is one; {@code authenticated = true} right after a verification is a flag
 * that holds only when it succeeded. Members are keyed by their base's role (or binding) and path, so
 * {@code ws.user} means the same in the connection and message handlers.
 */
final class Values {
  private static final int MAX_DEPTH = 6;

  private final FileContext cx;
  private final Map<Node, Value> overrides = new IdentityHashMap<>();
  private final Map<Node, Value> declValues = new IdentityHashMap<>();
  private final Map<String, List<Node>> assignmentsByName = new HashMap<>();
  /** Member assignments by member key, built on first use and again whenever roles change the keys. */
  private Map<String, List<Node>> assignmentsByKey;
  private final Map<String, Value> memberValues = new HashMap<>();

  Values(FileContext cx) {
    this.cx = cx;
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("assignment_expression")) {
        String name = Syntax.lastName(n.child("left"));
        if (name != null) {
          assignmentsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(n);
        }
      }
    }
  }

  /** Forgets what was worked out: roles or overrides changed. */
  void invalidate() {
    declValues.clear();
    memberValues.clear();
    assignmentsByKey = null;
  }

  void override(Node declaration, Value value) {
    overrides.put(declaration, value);
    declValues.clear();
    memberValues.clear();
  }

  /** Assignments to a name ({@code user = ...}, {@code ws.user = ...}), by the last name assigned. */
  List<Node> assignments(String name) {
    return assignmentsByName.getOrDefault(name, List.of());
  }


  Value valueOf(Node expr) {
    Value v = valueOf(expr, 0);
    return v == null ? Value.UNKNOWN : v;
  }

  /** The meaning of an expression; null for null-ish literals, which say nothing either way. */
  private Value valueOf(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > MAX_DEPTH) {
      return Value.UNKNOWN;
    }
    if (Syntax.isFalsyLiteral(e)) {
      return null;
    }
    switch (e.type()) {
      case "identifier" -> {
        Node declaration = cx.scopes().declarationOf(e);
        if (declaration == null) {
          return Value.UNKNOWN;
        }
        return declarationValue(declaration, depth);
      }
      case "member_expression", "subscript_expression" -> {
        return memberValue(e, depth);
      }
      case "call_expression" -> {
        return callValue(e);
      }
      case "ternary_expression" -> {
        // sid ? await store.get(sid) : undefined: a missing credential gives nothing
        List<Value> branches = new ArrayList<>();
        branches.add(valueOf(e.child("consequence"), depth + 1));
        branches.add(valueOf(e.child("alternative"), depth + 1));
        return combine(branches);
      }
      case "binary_expression" -> {
        // req.headers.origin ?? '': the fallback is only for when the value is missing
        String op = Syntax.operator(e);
        if ("??".equals(op) || "||".equals(op)) {
          Value left = valueOf(e.child("left"), depth + 1);
          return left == null ? Value.UNKNOWN : left;
        }
        return Value.UNKNOWN;
      }
      default -> {
        return Value.UNKNOWN;
      }
    }
  }

  private Value callValue(Node call) {
    CallKind kind = cx.calls().classify(call);
    switch (kind.type()) {
      case VERIFY -> {
        return kind.failure() == ApiTables.Failure.RESULT && kind.library().endsWith("getUser")
            ? new Value.Envelope(kind.term())
            : new Value.Verified(kind.term());
      }
      case DECODE -> {
        return new Value.Verified(kind.term());
      }
      case HELPER -> {
        return new Value.Verified(kind.term().checked());
      }
      case CREDENTIAL_PARSER -> {
        return new Value.Credentials(kind.term());
      }
      default -> { }
    }
    // req.get('origin'), req.header('Origin'), uWebSockets.js's req.getHeader('origin')
    String name = Syntax.calleeName(call);
    String arg = Syntax.stringValue(Syntax.argument(call, 0));
    if (("get".equals(name) || "header".equals(name) || "getHeader".equals(name)) && "origin".equalsIgnoreCase(arg)) {
      return new Value.OriginHeader();
    }
    return Value.UNKNOWN;
  }

  private Value memberValue(Node member, int depth) {
    if (cx.roleOfExpression(member) == Role.ORIGIN) {
      return new Value.OriginHeader();
    }
    String name = Syntax.lastName(member);
    Node object = Syntax.object(member);
    if (name == null || object == null) {
      return Value.UNKNOWN;
    }
    if (name.equalsIgnoreCase("origin") && (isHeaders(object) || isClientInfoName(object))) {
      return new Value.OriginHeader();
    }
    Value base = valueOf(object, depth + 1);
    if (base == null) {
      return Value.UNKNOWN;
    }
    if (base instanceof Value.Envelope envelope) {
      return name.equals("error") ? new Value.Failure(envelope.term()) : new Value.Verified(envelope.term());
    }
    if (base instanceof Value.Verified) {
      return base;
    }
    if (base instanceof Value.Credentials) {
      return base;
    }
    return assignedValue(member, name, depth);
  }

  /** {@code info.origin} in a verifyClient this file only exports: the parameter is named as ws names it. */
  private boolean isClientInfoName(Node expr) {
    Node e = Syntax.unwrap(expr);
    return e != null && e.is("identifier") && e.text().equals("info");
  }

  private boolean isHeaders(Node expr) {
    Node e = Syntax.unwrap(expr);
    if ("headers".equals(Syntax.lastName(e))) {
      return true;
    }
    Role role = cx.roleOfExpression(e);
    return role == Role.CLIENT_INFO;
  }

  /** The value assigned to a member ({@code ws.user = jwt.verify(...)}) anywhere in the file, by its key. */
  private Value assignedValue(Node member, String name, int depth) {
    String key = memberKey(member);
    if (key == null) {
      return Value.UNKNOWN;
    }
    Value cached = memberValues.get(key);
    if (cached != null) {
      return cached;
    }
    memberValues.put(key, Value.UNKNOWN); // cycles resolve to unknown
    List<Value> values = new ArrayList<>();
    for (Node assignment : memberAssignments().getOrDefault(key, List.of())) {
      values.add(assigned(assignment, depth));
    }
    Value result = combine(values);
    memberValues.put(key, result);
    return result;
  }

  private Map<String, List<Node>> memberAssignments() {
    if (assignmentsByKey == null) {
      Map<String, List<Node>> index = new HashMap<>();
      for (List<Node> group : assignmentsByName.values()) {
        for (Node assignment : group) {
          Node left = Syntax.unwrap(assignment.child("left"));
          String key = left != null && left.isAny("member_expression", "subscript_expression") ? memberKey(left)
              : null;
          if (key != null) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(assignment);
          }
        }
      }
      assignmentsByKey = index;
    }
    return assignmentsByKey;
  }

  /**
   * The meaning of an assigned value. {@code authenticated = true} right after a verification is a flag that holds
   * only when the verification succeeded.
   */
  private Value assigned(Node assignment, int depth) {
    Node right = assignment.child("right");
    if (Syntax.isTruthyLiteral(right)) {
      Term verification = precedingVerification(assignment);
      return verification == null ? Value.UNKNOWN : new Value.Verified(verification);
    }
    return valueOf(right, depth + 1);
  }

  /**
   * The verification that runs before a node on its way from the enclosing function's start: earlier statements
   * of the same and enclosing blocks, or the verify call whose callback holds the node.
   */
  private Term precedingVerification(Node node) {
    Node child = node;
    for (Node p = node.parent(); p != null; p = p.parent()) {
      if (Syntax.isFunction(p)) {
        Node call = p.parent() == null ? null : p.parent().parent();
        if (call != null && call.is("call_expression") && p.parent().is("arguments")) {
          CallKind kind = cx.calls().classify(call);
          if (kind.term() != null && kind.type() != CallKind.Type.CREDENTIAL_PARSER) {
            return kind.term().checked();
          }
        }
        return null;
      }
      if (p.isAny("statement_block", "program")) {
        for (Node statement : p.namedChildren()) {
          if (statement == child) {
            break;
          }
          Term found = verificationIn(statement);
          if (found != null) {
            return found;
          }
        }
      }
      child = p;
    }
    return null;
  }

  private Term verificationIn(Node statement) {
    for (Node n : statement.descendants()) {
      if (n.is("call_expression") && Syntax.enclosingFunction(n) == Syntax.enclosingFunction(statement)) {
        CallKind kind = cx.calls().classify(n);
        if (kind.term() != null && kind.type() != CallKind.Type.CREDENTIAL_PARSER
            && kind.type() != CallKind.Type.SESSION_PARSER) {
          return kind.term().checked();
        }
      }
    }
    return null;
  }

  /** A key naming a member the same way wherever it is written: the base's role (or binding) and the path. */
  public String memberKey(Node member) {
    List<String> path = Syntax.memberPath(member);
    if (path == null || path.size() < 2) {
      return null;
    }
    Node base = Syntax.base(member);
    String head;
    if (base.is("this")) {
      head = "this";
    } else {
      Node declaration = cx.scopes().declarationOf(base);
      Role role = cx.roleOf(declaration);
      head = role != null ? role.name() : declaration != null ? "@" + declaration.startByte() : "global:" + path.get(0);
    }
    return head + "." + String.join(".", path.subList(1, path.size()));
  }

  private Value declarationValue(Node declaration, int depth) {
    Value override = overrides.get(declaration);
    if (override != null) {
      return override;
    }
    if (cx.roleOf(declaration) == Role.ORIGIN || isOriginParameter(declaration)) {
      return new Value.OriginHeader();
    }
    Value cached = declValues.get(declaration);
    if (cached != null) {
      return cached;
    }
    declValues.put(declaration, Value.UNKNOWN); // cycles resolve to unknown
    List<Value> values = new ArrayList<>();
    Node declarator = declaration.ancestor("variable_declarator");
    if (declarator != null && declarator.child("value") != null && declaration.within(declarator.child("name"))) {
      Node name = declarator.child("name");
      Node init = declarator.child("value");
      if (name == declaration) {
        values.add(valueOf(init, depth + 1));
      } else if (name.is("object_pattern")) {
        values.add(destructured(declaration, name, init, depth));
      }
    }
    for (Node assignment : assignments(declaration.text())) {
      Node left = Syntax.unwrap(assignment.child("left"));
      if (left != null && left.is("identifier") && cx.scopes().declarationOf(left) == declaration) {
        values.add(assigned(assignment, depth));
      }
    }
    Value result = combine(values);
    declValues.put(declaration, result);
    return result;
  }

  /** A parameter destructured as {@code { origin }}: verifyClient's info, in whatever file it is written. */
  private static boolean isOriginParameter(Node declaration) {
    if (!declaration.is("shorthand_property_identifier_pattern") || !declaration.text().equals("origin")) {
      return false;
    }
    Node pattern = declaration.parent();
    Node holder = pattern == null ? null : pattern.parent();
    while (holder != null && holder.isAny("required_parameter", "optional_parameter", "assignment_pattern")) {
      holder = holder.parent();
    }
    return holder != null && (holder.is("formal_parameters") || Syntax.isFunction(holder));
  }

  private Value destructured(Node id, Node pattern, Node init, int depth) {
    String key = outermostKey(id, pattern);
    if (key == null) {
      return Value.UNKNOWN;
    }
    if (key.equalsIgnoreCase("origin") && isHeaders(init)) {
      return new Value.OriginHeader();
    }
    Value whole = valueOf(init, depth + 1);
    if (whole == null) {
      return null;
    }
    if (whole instanceof Value.Envelope envelope) {
      return key.equals("error") ? new Value.Failure(envelope.term()) : new Value.Verified(envelope.term());
    }
    return whole instanceof Value.Verified ? whole : Value.UNKNOWN;
  }

  /**
   * The property of the destructured value an identifier comes from: b for {@code { b }} or {@code { a: b }}, and
   * data for the nested {@code { data: { user } }}.
   */
  private static String outermostKey(Node id, Node pattern) {
    Node inner = id;
    while (inner.parent() != null && inner.parent() != pattern) {
      Node parent = inner.parent();
      if (parent.is("pair_pattern") && parent.parent() == pattern) {
        Node key = parent.child("key");
        return key == null ? null : LocalFunctions.propertyName(key);
      }
      inner = parent;
    }
    return ApiResolver.destructuredKey(id, pattern);
  }

  /** One meaning for all values assigned: null-ish values are ignored, and any disagreement is unknown. */
  private static Value combine(List<Value> values) {
    Value result = null;
    for (Value v : values) {
      if (v == null) {
        continue;
      }
      if (v instanceof Value.Unknown) {
        return Value.UNKNOWN;
      }
      if (result == null) {
        result = v;
      } else if (!result.getClass().equals(v.getClass())) {
        return Value.UNKNOWN;
      }
    }
    return result == null ? Value.UNKNOWN : result;
  }
}
