package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import dev.wsguard.js.parse.SyntaxTree;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the analyses of one file share: name resolution, the roles the recogniser gave bindings, what values
 * mean for authentication, and what calls do. Values are flow-insensitive: a variable is a verification result when
 * every value ever assigned to it (null aside) is one.
 */
public final class FileContext {
  private final SyntaxTree tree;
  private final Scopes scopes = new Scopes();
  private final ApiResolver resolver = new ApiResolver(scopes);
  private final ApiTables tables = ApiTables.get();
  private final Map<Node, Role> roles = new IdentityHashMap<>();
  private final Values values;
  private final MessageTaint taint;
  private final Calls calls;
  private final LocalFunctions functions;
  private final FunctionSummaries summaries;

  public FileContext(SyntaxTree tree) {
    this.tree = tree;
    this.values = new Values(this);
    this.taint = new MessageTaint(this);
    this.calls = new Calls(this);
    this.functions = new LocalFunctions(this);
    this.summaries = new FunctionSummaries(this);
  }

  public SyntaxTree tree() {
    return tree;
  }

  public String path() {
    return tree.path();
  }

  public Scopes scopes() {
    return scopes;
  }

  public ApiResolver resolver() {
    return resolver;
  }

  public ApiTables tables() {
    return tables;
  }

  public FunctionSummaries summaries() {
    return summaries;
  }

  // ---- roles ----

  public void role(Node declaration, Role role) {
    if (declaration != null && roles.get(declaration) != role) {
      roles.put(declaration, role);
      // memoised meanings may have read the old role
      values.invalidate();
      taint.invalidate();
    }
  }

  public Role roleOf(Node declaration) {
    return declaration == null ? null : roles.get(declaration);
  }

  /** The role of what an expression names: an identifier's binding, or the base of a member chain. */
  public Role roleOfExpression(Node expr) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null) {
      return null;
    }
    if (e.is("identifier")) {
      return roleOf(scopes.declarationOf(e));
    }
    if (e.isAny("member_expression", "subscript_expression")) {
      List<String> path = Syntax.memberPath(e);
      Role base = roleOfExpression(Syntax.base(e));
      // info.req and socket.request are the upgrade request
      // socket.request and socket.handshake of a Socket.IO connection hold its upgrade request's data
      if (path != null && path.size() == 2 && (base == Role.CLIENT_INFO && path.get(1).equals("req")
          || base == Role.NET_SOCKET && path.get(1).equals("request")
          || base == Role.CONNECTION && (path.get(1).equals("upgradeReq") || path.get(1).equals("request")
              || path.get(1).equals("handshake")))) {
        return Role.REQUEST;
      }
      if (path != null && path.size() == 2 && base == Role.SOCKET_STREAM && path.get(1).equals("socket")) {
        return Role.CONNECTION;
      }
      if (path != null && path.size() == 2 && base == Role.CLIENT_INFO && path.get(1).equals("origin")) {
        return Role.ORIGIN;
      }
    }
    return null;
  }

  /** A parameter takes the meaning of the argument a single caller passes (a verified user, say). */
  public void bindArgument(Node parameter, Node argument) {
    Value v = valueOf(argument);
    if (!(v instanceof Value.Unknown)) {
      override(parameter, v);
    }
  }

  void override(Node declaration, Value value) {
    if (declaration != null) {
      values.override(declaration, value);
    }
  }

  // ---- the parts ----

  Values values() {
    return values;
  }

  Calls calls() {
    return calls;
  }

  /** What an expression means for authentication (a verification's result, its failure, the Origin header...). */
  Value valueOf(Node expr) {
    return values.valueOf(expr);
  }

  /** A key naming a member the same way wherever it is written: the base's role (or binding) and the path. */
  public String memberKey(Node member) {
    return values.memberKey(member);
  }

  /** True for the incoming message and values taken from it ({@code JSON.parse(raw)}, {@code msg.text}). */
  public boolean messageDerived(Node expr) {
    return taint.messageDerived(expr);
  }

  /** True for a verify or decode call, a session parser, or a project helper that may verify. */
  public boolean isAuthCall(Node call) {
    return calls.isAuthCall(call);
  }

  CallKind classify(Node call) {
    return calls.classify(call);
  }

  CallKind tokenCall(Node call) {
    return calls.tokenCall(call);
  }

  /** True when an expression names a session middleware ({@code session({...})} of express-session). */
  public boolean isSessionParser(Node expr) {
    return calls.namesSessionParser(expr);
  }

  /** True when an expression names the connection's authenticated user or a field of it. */
  public boolean isIdentity(Node expr) {
    return new Identity(this).isIdentity(expr);
  }

  /** The function of this file an expression names (a declaration, a const arrow, a method); or null. */
  public Node localFunction(Node expr) {
    return functions.localFunction(expr);
  }

  /** The object literal a binding holds ({@code const handlers = {...}}); null when it is anything else. */
  public Node objectLiteral(Node expr) {
    return functions.objectLiteral(expr);
  }

  public static String propertyName(Node key) {
    return LocalFunctions.propertyName(key);
  }

  /** An object literal's members by name: pairs, shorthand properties and methods. */
  public static Map<String, Node> properties(Node object) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (Node member : object.namedChildren()) {
      if (member.is("pair")) {
        out.put(propertyName(member.child("key")), member.child("value"));
      } else if (member.is("shorthand_property_identifier")) {
        out.put(member.text(), member);
      } else if (member.is("method_definition")) {
        out.put(propertyName(member.child("name")), member);
      }
    }
    return out;
  }
}
