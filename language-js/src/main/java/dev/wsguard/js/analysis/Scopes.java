package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where a name is declared: the binding identifier of a variable, parameter, function, class or import.
 * Scopes are the program, blocks, functions (parameters and a named function expression's own name), loops and
 * catch clauses. {@code var} is treated as block-scoped, which is what modern code means by it.
 */
public final class Scopes {
  private static final Node GLOBAL = null;

  private final Map<Node, Map<String, Node>> declarations = new IdentityHashMap<>();
  private final Map<Node, Node> resolved = new IdentityHashMap<>();

  /** The identifier that declares what {@code reference} names; null when it is global or not found. */
  public Node declarationOf(Node reference) {
    if (reference == null || !reference.isAny("identifier", "shorthand_property_identifier")) {
      return null;
    }
    if (resolved.containsKey(reference)) {
      return resolved.get(reference);
    }
    Node found = lookUp(reference);
    resolved.put(reference, found);
    return found;
  }

  private Node lookUp(Node reference) {
    String name = reference.text();
    for (Node scope = reference.parent(); scope != null; scope = scope.parent()) {
      if (!isScope(scope)) {
        continue;
      }
      Node found = declared(scope).get(name);
      if (found != null) {
        return found;
      }
    }
    return GLOBAL;
  }

  /** The declarations a scope node makes, by name. */
  public Map<String, Node> declared(Node scope) {
    return declarations.computeIfAbsent(scope, Scopes::collect);
  }

  private static boolean isScope(Node n) {
    return n.isAny("program", "statement_block", "for_statement", "for_in_statement", "catch_clause", "switch_body",
        "class_declaration", "class")
        || Syntax.isFunction(n);
  }

  private static Map<String, Node> collect(Node scope) {
    Map<String, Node> out = new HashMap<>();
    if (Syntax.isFunction(scope)) {
      for (Node p : Syntax.parameters(scope)) {
        bind(out, Syntax.boundIdentifiers(p));
      }
      Node name = scope.child("name");
      if (name != null && !scope.is("function_declaration") && name.is("identifier")) {
        out.putIfAbsent(name.text(), name);
      }
      return out;
    }
    switch (scope.type()) {
      case "for_statement" -> {
        Node init = scope.child("initializer");
        if (init != null) {
          declarationsIn(init, out);
        }
      }
      case "for_in_statement" -> bind(out, Syntax.boundIdentifiers(scope.child("left")));
      case "catch_clause" -> bind(out, Syntax.boundIdentifiers(scope.child("parameter")));
      case "class_declaration", "class" -> {
        Node name = scope.child("name");
        if (name != null) {
          out.put(name.text(), name);
        }
      }
      case "switch_body" -> {
        for (Node c : scope.namedChildren()) {
          for (Node s : c.childrenOf("body")) {
            declarationsIn(s, out);
          }
        }
      }
      default -> {
        for (Node statement : scope.namedChildren()) {
          declarationsIn(statement, out);
        }
      }
    }
    return out;
  }

  private static void declarationsIn(Node statement, Map<String, Node> out) {
    Node s = statement;
    if (s.is("export_statement")) {
      Node declaration = s.child("declaration");
      if (declaration == null) {
        return;
      }
      s = declaration;
    }
    switch (s.type()) {
      case "lexical_declaration", "variable_declaration" -> {
        for (Node declarator : s.namedChildren()) {
          if (declarator.is("variable_declarator")) {
            bind(out, Syntax.boundIdentifiers(declarator.child("name")));
          }
        }
      }
      case "function_declaration", "generator_function_declaration", "class_declaration",
          "abstract_class_declaration" -> {
        Node name = s.child("name");
        if (name != null) {
          out.putIfAbsent(name.text(), name);
        }
      }
      case "import_statement" -> {
        for (Node n : s.descendants()) {
          if (n.is("identifier") && isImportBinding(n)) {
            out.putIfAbsent(n.text(), n);
          }
        }
      }
      default -> { }
    }
  }

  /** In {@code import a, { b as c } from 'm'}, a and c are bound; b is the name imported. */
  private static boolean isImportBinding(Node id) {
    Node parent = id.parent();
    if (parent == null) {
      return false;
    }
    if (parent.is("import_specifier")) {
      return parent.child("alias") == null ? "name".equals(id.field()) : "alias".equals(id.field());
    }
    return parent.isAny("import_clause", "namespace_import", "import_require_clause");
  }

  private static void bind(Map<String, Node> out, List<Node> ids) {
    for (Node id : ids) {
      out.putIfAbsent(id.text(), id);
    }
  }
}
