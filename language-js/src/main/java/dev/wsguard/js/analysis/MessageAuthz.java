package dev.wsguard.js.analysis;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * For one message handler (or one message type's branch): whether it does something privileged, whether a check of
 * the connection's user stops it first, and whether it acts on an id the client chose.
 */
public final class MessageAuthz {
  private static final int FOLLOW_DEPTH = 2;
  private static final Pattern WRITE_SQL =
      Pattern.compile("^\\s*(insert|update|delete|drop|alter|truncate|grant|revoke|replace)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ID_NAME = Pattern.compile("(?i).*(id|ids|key|uuid)$");
  private static final Set<String> TARGET_NAMES = Set.of("target", "targetUser", "to", "recipient", "victim",
      "owner", "account", "user");
  private static final Set<String> GLOBAL_PRIVILEGED = Set.of("process.exit", "process.kill", "process.abort");
  private static final Set<String> COLLECTION_TYPES = Set.of("Map", "Set", "WeakMap", "WeakSet", "Array");

  private final FileContext cx;
  private final Node connection;
  private final Set<Node> otherHandlers;
  private final Identity identity;

  /**
   * @param connection the handler's own connection binding; calls on it (send, close) are not privileged
   * @param otherHandlers message handlers registered inside this one: their actions are theirs, not this one's
   */
  public MessageAuthz(FileContext cx, Node connection, Set<Node> otherHandlers) {
    this.cx = cx;
    this.connection = connection;
    this.otherHandlers = otherHandlers;
    this.identity = new Identity(cx);
  }

  /**
   * @param handler the message handler function
   * @param branch the message type's branch; null when the handler does not dispatch
   * @param location where the handler is registered
   */
  public MessageHandler analyze(Node handler, MessageDispatch.Branch branch, SourceLocation location) {
    List<Node> region = branch == null ? List.of(Syntax.body(handler)) : branch.statements();
    Node action = findPrivileged(region, 0);
    String type = branch == null ? null : branch.type();
    if (action == null) {
      return new MessageHandler(type, location, null, PermissionCheck.ABSENT, null, List.of());
    }
    Node walked = branch != null && Syntax.isFunction(branch.body()) ? branch.body() : handler;
    PermissionCheck check = permission(walked, action);
    String what = describe(action);
    List<RelatedLocation> evidence = new ArrayList<>();
    evidence.add(new RelatedLocation(action.location(), "privileged action: " + Syntax.compact(action)));
    String clientId = null;
    if (check == PermissionCheck.ABSENT && ownResource(action)) {
      // db.users.update(me.sub, ...): the target is scoped to the connection's own user
      check = PermissionCheck.PRESENT;
      evidence.add(new RelatedLocation(action.location(), "acts on the connection's own user only"));
    } else if (check == PermissionCheck.ABSENT) {
      clientId = clientSuppliedId(action);
    }
    return new MessageHandler(type, location, what, check, clientId, evidence);
  }

  // ---- privileged actions ----

  private Node findPrivileged(List<Node> region, int depth) {
    for (Node root : region) {
      if (root == null) {
        continue;
      }
      for (Node n : root.descendants()) {
        if (otherHandlers.contains(n) || insideOther(n, root)) {
          continue;
        }
        if (n.is("call_expression") && privileged(n)) {
          return n;
        }
        if (n.is("assignment_expression") && changesRole(n)) {
          return n;
        }
        if (n.is("call_expression") && depth < FOLLOW_DEPTH) {
          Node local = cx.localFunction(Syntax.callee(n));
          if (local != null && !local.within(root) && Syntax.body(local) != null) {
            Node inner = findPrivileged(List.of(Syntax.body(local)), depth + 1);
            if (inner != null) {
              return inner;
            }
          }
        }
      }
    }
    return null;
  }

  private boolean insideOther(Node n, Node root) {
    for (Node p = n.parent(); p != null && p != root; p = p.parent()) {
      if (otherHandlers.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** A call that writes, deletes or acts as an administrator. */
  boolean privileged(Node call) {
    Node callee = Syntax.callee(call);
    String name = Syntax.calleeName(call);
    if (callee == null || name == null) {
      return false;
    }
    Node receiver = Syntax.receiver(call);
    if (receiver != null && onOwnConnection(receiver)) {
      return false;
    }
    // connections.get(msg.target).close(): closing someone else's connection kicks them
    if (receiver != null && cx.tables().isRejectMethod(name) && mentionsMessage(receiver)) {
      return true;
    }
    Api api = cx.resolver().resolve(callee);
    if (api != null && api.isGlobal() && !api.path().isEmpty() && Syntax.isKnownGlobal(api.path().get(0))) {
      return GLOBAL_PRIVILEGED.contains(api.qualified());
    }
    if (receiver != null && bookkeeping(receiver)) {
      return false;
    }
    String sql = firstArgumentText(call);
    if (sql != null && looksLikeSql(sql)) {
      return WRITE_SQL.matcher(sql).find();
    }
    List<String> words = Words.split(name);
    if (!words.isEmpty() && cx.tables().isPrivilegedVerb(words.get(0))) {
      return true;
    }
    // findByIdAndUpdate, findOneAndDelete: a lookup that writes
    int and = words.indexOf("and");
    return and > 0 && and + 1 < words.size() && cx.tables().isPrivilegedVerb(words.get(and + 1));
  }

  private boolean mentionsMessage(Node expr) {
    for (Node n : expr.descendants()) {
      if (n.isAny("identifier", "member_expression") && cx.messageDerived(n)) {
        return true;
      }
    }
    return false;
  }

  /** The values an argument hands over, looking into object literals ({@code { where: { id } }}) and arrays. */
  private static void collectValues(Node a, List<Node> out, int depth) {
    if (a == null) {
      return;
    }
    if (depth < 3 && a.is("object")) {
      for (Node member : a.namedChildren()) {
        collectValues(member.is("pair") ? Syntax.unwrap(member.child("value")) : member, out, depth + 1);
      }
    } else if (depth < 3 && a.is("array")) {
      a.namedChildren().forEach(e -> collectValues(Syntax.unwrap(e), out, depth + 1));
    } else {
      out.add(a);
    }
  }

  private static boolean idLike(String name) {
    return name != null && (ID_NAME.matcher(name).matches() || TARGET_NAMES.contains(name));
  }

  /** The key a value is stored under in an object literal ({@code userId} in {@code { userId: msg.target }}). */
  private static String keyOf(Node value) {
    Node parent = value == null ? null : value.parent();
    return parent != null && parent.is("pair") ? FileContext.propertyName(parent.child("key")) : null;
  }

  /** The action names the connection's own user as its target, and nothing the client chose. */
  private boolean ownResource(Node action) {
    if (!action.is("call_expression")) {
      return false;
    }
    List<Node> args = Syntax.arguments(action);
    if (args.isEmpty()) {
      return false;
    }
    // db.query('... WHERE user_id = $2', [msg.id, ws.userId]): a parameter list that names the user
    for (Node argument : args) {
      Node a = Syntax.unwrap(argument);
      if (a != null && a.is("array") && firstArgumentText(action) != null
          && a.namedChildren().stream().anyMatch(identity::isIdentity)) {
        return true;
      }
    }
    Node target = Syntax.unwrap(args.get(0));
    if (target != null && target.is("object")) {
      for (Node member : target.namedChildren()) {
        if (member.is("pair") && "where".equals(FileContext.propertyName(member.child("key")))) {
          target = Syntax.unwrap(member.child("value"));
        }
      }
    }
    if (target == null) {
      return false;
    }
    if (target.is("object")) {
      for (Node member : target.namedChildren()) {
        Node value = member.is("pair") ? member.child("value") : member;
        String key = member.is("pair") ? FileContext.propertyName(member.child("key")) : member.text();
        if (value != null && idLike(key) && identity.isIdentity(value)) {
          return true;
        }
      }
      return false;
    }
    return identity.isIdentity(target);
  }

  private static boolean looksLikeSql(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    return lower.contains(" ") && (lower.startsWith("select") || WRITE_SQL.matcher(lower).find());
  }

  private static String firstArgumentText(Node call) {
    Node first = Syntax.unwrap(Syntax.argument(call, 0));
    if (first == null) {
      return null;
    }
    String s = Syntax.stringValue(first);
    if (s != null) {
      return s;
    }
    return first.is("template_string") ? first.text().substring(1) : null;
  }

  private boolean onOwnConnection(Node receiver) {
    Node r = Syntax.unwrap(receiver);
    return r != null && r.is("identifier") && isConnection(cx.scopes().declarationOf(r));
  }

  /** The handler's connection, or a parameter a handler function receives it as. */
  private boolean isConnection(Node declaration) {
    return declaration != null && (declaration == connection
        || cx.roleOf(declaration) == Role.CONNECTION && declaration.ancestor("formal_parameters") != null);
  }

  /** In-memory bookkeeping: Maps and Sets the file creates, and collections of sockets. */
  private boolean bookkeeping(Node receiver) {
    Node r = Syntax.unwrap(receiver);
    // rooms.get(room).add(ws): a collection taken out of a bookkeeping one
    if (r != null && r.is("call_expression") && "get".equals(Syntax.calleeName(r)) && Syntax.receiver(r) != null) {
      return bookkeeping(Syntax.receiver(r));
    }
    // ws.topics.add(topic): state kept on the connection itself
    Node base = r == null ? null : Syntax.base(r);
    if (base != null && base != r && base.is("identifier") && isConnection(cx.scopes().declarationOf(base))) {
      return true;
    }
    String name = Syntax.lastName(r);
    if (name != null && cx.tables().isBookkeepingReceiver(name)) {
      return true;
    }
    if (r.isAny("identifier", "member_expression")) {
      Node init = initializer(r);
      if (init != null && init.is("new_expression")) {
        Node constructor = Syntax.unwrap(init.child("constructor"));
        return constructor != null && COLLECTION_TYPES.contains(constructor.text());
      }
      if (init != null && init.isAny("array", "object")) {
        return true;
      }
    }
    return false;
  }

  private Node initializer(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      return declarator != null && declarator.child("name") == declaration
          ? Syntax.unwrap(declarator.child("value")) : null;
    }
    // private rooms = new Map<string, Set<string>>(): a class field with an initialiser
    Node self = e.is("member_expression") ? Syntax.unwrap(e.child("object")) : null;
    Node body = self != null && self.is("this") ? e.ancestor("class_body") : null;
    if (body != null) {
      for (Node member : body.namedChildren()) {
        if (member.isAny("public_field_definition", "field_definition") && member.child("value") != null) {
          Node key = member.child("property") != null ? member.child("property") : member.child("name");
          if (Syntax.lastName(e).equals(FileContext.propertyName(key))) {
            return Syntax.unwrap(member.child("value"));
          }
        }
      }
    }
    // this.rooms = new Map() in a constructor, or a property assigned elsewhere
    String key = cx.memberKey(e);
    if (key == null) {
      return null;
    }
    for (Node n : cx.tree().root().descendants()) {
      if (n.is("assignment_expression")) {
        Node left = Syntax.unwrap(n.child("left"));
        if (left != null && left != e && left.is("member_expression") && key.equals(cx.memberKey(left))) {
          return Syntax.unwrap(n.child("right"));
        }
      }
    }
    return null;
  }

  /** {@code user.role = msg.role}: an assignment to a role or permission property. */
  private boolean changesRole(Node assignment) {
    String name = Syntax.lastName(assignment.child("left"));
    Node left = Syntax.unwrap(assignment.child("left"));
    return name != null && left != null && left.is("member_expression") && cx.tables().isRoleProperty(name)
        && !name.equals("type") && !name.equals("level");
  }

  private static String describe(Node action) {
    if (action.is("assignment_expression")) {
      return "changes a role (" + Syntax.compact(action.child("left")) + ")";
    }
    return "calls " + Syntax.compact(Syntax.callee(action));
  }

  // ---- permission checks ----

  private PermissionCheck permission(Node fn, Node action) {
    Policy policy = new Policy() {
      @Override
      public Node acceptCondition(Node call) {
        return call == action ? call : null;
      }

      @Override
      public boolean acceptsAt(Node node) {
        return action.is("assignment_expression") && node.is("expression_statement") && action.within(node);
      }

      @Override
      public boolean containsAccept(Node f) {
        return action.within(f);
      }
    };
    Flow.Result result = Flow.walk(cx, fn, policy);
    if (result.accepts().isEmpty()) {
      return result.seen().stream().anyMatch(Term::checksUser) ? PermissionCheck.PRESENT : PermissionCheck.ABSENT;
    }
    boolean unknown = false;
    for (Flow.Accept accept : result.accepts()) {
      for (PathFact path : accept.paths()) {
        boolean present = path.terms().stream().anyMatch(Term::checksUser);
        boolean unsure = path.terms().stream().anyMatch(t -> t.kind() == Term.Kind.PERMISSION_UNKNOWN);
        if (!present && !unsure) {
          return PermissionCheck.ABSENT;
        }
        unknown |= !present;
      }
    }
    return unknown ? PermissionCheck.UNKNOWN : PermissionCheck.PRESENT;
  }

  /** An id taken from the message and handed to the action ({@code msg.userId}); null when there is none. */
  private String clientSuppliedId(Node action) {
    List<Node> candidates = new ArrayList<>();
    if (action.is("call_expression")) {
      for (Node argument : Syntax.arguments(action)) {
        collectValues(Syntax.unwrap(argument), candidates, 0);
      }
    } else {
      candidates.add(action.child("right"));
    }
    for (Node c : candidates) {
      Node e = Syntax.unwrap(c);
      String name = e == null ? null : Syntax.lastName(e);
      if (e != null && name != null && (idLike(name) || idLike(keyOf(c))) && cx.messageDerived(e)) {
        return Syntax.compact(e);
      }
    }
    return null;
  }
}
