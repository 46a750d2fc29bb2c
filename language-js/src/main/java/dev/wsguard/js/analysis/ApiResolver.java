package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.List;

/** Resolves expressions to the module members they name, following imports, requires and constant aliases. */
public final class ApiResolver {
  private static final int MAX_DEPTH = 8;

  private final Scopes scopes;

  public ApiResolver(Scopes scopes) {
    this.scopes = scopes;
  }

  /** What the expression names; null when it is not (a member of) a module or a global. */
  public Api resolve(Node expr) {
    return resolve(expr, 0);
  }

  private Api resolve(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    switch (e.type()) {
      case "identifier", "shorthand_property_identifier" -> {
        Node declaration = scopes.declarationOf(e);
        if (declaration == null) {
          return new Api("", List.of(e.text()));
        }
        return fromDeclaration(declaration, depth);
      }
      case "member_expression", "subscript_expression" -> {
        String name = Syntax.lastName(e);
        Api object = resolve(e.child("object"), depth + 1);
        return object == null || name == null ? null : object.plus(name);
      }
      case "call_expression" -> {
        String specifier = requiredModule(e);
        if (specifier != null) {
          return new Api(specifier, List.of());
        }
        // promisify(jwt.verify) is jwt.verify returning a promise
        return "promisify".equals(Syntax.calleeName(e)) ? resolve(Syntax.argument(e, 0), depth + 1) : null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The specifier of {@code require('m')} or {@code import('m')}; null for any other call. */
  public static String requiredModule(Node call) {
    Node e = Syntax.unwrapAwait(call);
    if (e == null || !e.is("call_expression")) {
      return null;
    }
    Node callee = Syntax.callee(e);
    if (callee == null || !(callee.is("import") || callee.is("identifier") && callee.text().equals("require"))) {
      return null;
    }
    return Syntax.stringValue(Syntax.argument(e, 0));
  }

  private Api fromDeclaration(Node id, int depth) {
    Node parent = id.parent();
    if (parent == null) {
      return null;
    }
    Node importStatement = id.ancestor("import_statement");
    if (importStatement != null) {
      return fromImport(id, importStatement);
    }
    Node declarator = id.ancestor("variable_declarator");
    if (declarator == null || declarator.child("value") == null) {
      return null;
    }
    Node name = declarator.child("name");
    Node value = declarator.child("value");
    if (name == id) {
      return resolve(value, depth + 1);
    }
    if (name.is("object_pattern")) {
      String key = destructuredKey(id, name);
      Api object = resolve(value, depth + 1);
      return object == null || key == null ? null : object.plus(key);
    }
    return null;
  }

  /** The property a destructured identifier takes: b in {@code { b }}, a in {@code { a: b }}; one level only. */
  static String destructuredKey(Node id, Node objectPattern) {
    Node parent = id.parent();
    if (parent == objectPattern && id.is("shorthand_property_identifier_pattern")) {
      return id.text();
    }
    if (parent != null && parent.is("object_assignment_pattern") && parent.parent() == objectPattern) {
      return id.text();
    }
    if (parent != null && parent.is("pair_pattern") && parent.parent() == objectPattern) {
      Node key = parent.child("key");
      String k = Syntax.stringValue(key);
      return k != null ? k : key == null ? null : key.text();
    }
    return null;
  }

  private static Api fromImport(Node id, Node statement) {
    Node source = statement.child("source");
    Node requireClause = statement.childOfType("import_require_clause");
    if (source == null && requireClause != null) {
      source = requireClause.child("source");
    }
    String specifier = Syntax.stringValue(source);
    if (specifier == null) {
      return null;
    }
    Node parent = id.parent();
    if (parent.is("import_specifier")) {
      Node imported = parent.child("name");
      String name = Syntax.stringValue(imported);
      return new Api(specifier, List.of(name != null ? name : imported.text()));
    }
    return new Api(specifier, List.of());
  }
}
