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
        Node self = Syntax.unwrap(e.child("object"));
        if (self != null && self.is("this") && e.is("member_expression")) {
          return injectedMember(e, name);
        }
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

  /**
   * {@code this.jwtService} in a class that declares the member with an imported type: a TypeScript parameter property
   * ({@code constructor(private jwtService: JwtService)}), a typed field, a constructor parameter assigned to it
   * ({@code this.jwt = jwt} with {@code jwt: JwtService}), or in plain JavaScript the type Nest's
   * {@code @Dependencies(JwtService)} names at that parameter's position. Dependency injection puts an instance of that
   * type there, so the member names the type's API. Null otherwise.
   */
  private Api injectedMember(Node member, String name) {
    Node body = member.ancestor("class_body");
    if (body == null || name == null) {
      return null;
    }
    for (Node m : body.namedChildren()) {
      if (m.is("public_field_definition") && name.equals(FileContext.propertyName(m.child("name")))) {
        return importedType(m.child("type"), member);
      }
      if (m.is("method_definition") && "constructor".equals(FileContext.propertyName(m.child("name")))) {
        Api api = constructorInjected(m, body, name, member);
        if (api != null) {
          return api;
        }
      }
    }
    return null;
  }

  private Api constructorInjected(Node constructor, Node body, String name, Node at) {
    Node list = constructor.child("parameters");
    List<Node> params = list == null ? List.of() : list.namedChildren();
    for (Node p : params) {
      Node pattern = p.child("pattern");
      if (p.isAny("required_parameter", "optional_parameter") && pattern != null && name.equals(pattern.text())
          && p.childOfType("accessibility_modifier") != null) {
        return importedType(p.child("type"), at);
      }
    }
    Node block = Syntax.body(constructor);
    if (block == null) {
      return null;
    }
    for (Node n : block.descendants()) {
      if (!n.is("assignment_expression")) {
        continue;
      }
      Node left = Syntax.unwrap(n.child("left"));
      Node right = Syntax.unwrap(n.child("right"));
      if (left == null || !left.is("member_expression") || right == null || !right.is("identifier")
          || !name.equals(Syntax.lastName(left)) || !Syntax.unwrap(left.child("object")).is("this")) {
        continue;
      }
      Node declaration = scopes.declarationOf(right);
      int index = -1;
      for (int i = 0; i < params.size(); i++) {
        if (declaration != null && declaration.within(params.get(i))) {
          index = i;
        }
      }
      if (index < 0) {
        return null;
      }
      Node param = params.get(index);
      if (param.child("type") != null) {
        return importedType(param.child("type"), at);
      }
      Node dependency = Syntax.argument(dependencies(body), index);
      return dependency == null ? null : resolve(dependency);
    }
    return null;
  }

  /** The call of {@code @Dependencies(A, B)} on the class that holds {@code body}; null when there is none. */
  private static Node dependencies(Node body) {
    Node cls = body.parent();
    List<Node> candidates = new java.util.ArrayList<>();
    if (cls != null) {
      candidates.addAll(cls.childrenOf("decorator"));
      if (cls.parent() != null && cls.parent().is("export_statement")) {
        candidates.addAll(cls.parent().childrenOf("decorator"));
      }
    }
    for (Node d : candidates) {
      Node call = d.namedChild(0);
      if (call != null && call.is("call_expression") && "Dependencies".equals(Syntax.calleeName(call))) {
        return call;
      }
    }
    return null;
  }

  /** The imported type a type annotation names ({@code : JwtService}, {@code : Repository<User>}); or null. */
  private Api importedType(Node annotation, Node at) {
    Node type = annotation == null ? null : annotation.namedChild(0);
    if (type != null && type.is("generic_type")) {
      type = type.child("name");
    }
    if (type == null || !type.is("type_identifier")) {
      return null;
    }
    Node root = at;
    while (root.parent() != null) {
      root = root.parent();
    }
    Node declaration = scopes.declared(root).get(type.text());
    Node statement = declaration == null ? null : declaration.ancestor("import_statement");
    return statement == null ? null : fromImport(declaration, statement);
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
