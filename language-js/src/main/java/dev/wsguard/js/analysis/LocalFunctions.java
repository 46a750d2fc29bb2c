package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;

/**
 * Resolves expressions to functions of the same file: declarations, functions held in constants, methods and
 * function-valued properties of object literals, and methods of classes ({@code this.onConnection}, or
 * {@code service.verify} for {@code const service = new Service()}).
 */
final class LocalFunctions {
  private final FileContext cx;

  LocalFunctions(FileContext cx) {
    this.cx = cx;
  }


  /** The function of this file an expression names (a declaration, a const arrow, an object's method); or null. */
  Node localFunction(Node expr) {
    return localFunction(expr, 0);
  }

  private Node localFunction(Node expr, int depth) {
    Node e = Syntax.unwrap(expr);
    if (e == null || depth > 4) {
      return null;
    }
    if (Syntax.isFunction(e)) {
      return e;
    }
    if (e.isAny("identifier", "shorthand_property_identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      if (declaration == null) {
        return null;
      }
      Node parent = declaration.parent();
      if (parent != null && Syntax.isFunction(parent) && parent.child("name") == declaration) {
        return parent;
      }
      Node declarator = declaration.ancestor("variable_declarator");
      if (declarator != null && declarator.child("name") == declaration) {
        Node init = Syntax.unwrap(declarator.child("value"));
        if (init != null && (Syntax.isFunction(init) || init.is("identifier"))) {
          return localFunction(init, depth + 1);
        }
      }
      return null;
    }
    if (e.is("member_expression")) {
      Node object = Syntax.unwrap(e.child("object"));
      String name = Syntax.lastName(e);
      if (object != null && object.is("this")) {
        return classMember(e, name);
      }
      Node instance = instanceClass(object);
      if (instance != null) {
        return classMember(instance, name);
      }
      Node literal = objectLiteral(object);
      return literal == null ? null : propertyFunction(literal, name, depth);
    }
    return null;
  }

  /** For {@code tokens} bound to {@code new TokenService()} with the class in this file: the class body. */
  private Node instanceClass(Node expr) {
    if (expr == null || !expr.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(expr);
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    Node init = declarator == null || declarator.child("name") != declaration ? null
        : Syntax.unwrap(declarator.child("value"));
    if (init == null || !init.is("new_expression")) {
      return null;
    }
    Node constructor = Syntax.unwrap(init.child("constructor"));
    Node classDeclaration = constructor != null && constructor.is("identifier")
        ? cx.scopes().declarationOf(constructor) : null;
    Node owner = classDeclaration == null ? null : classDeclaration.parent();
    return owner != null && owner.isAny("class_declaration", "class") ? owner.child("body") : null;
  }

  /** {@code this.onConnection}: a method or function-valued field of the class the expression sits in. */
  private static Node classMember(Node at, String name) {
    Node body = at.is("class_body") ? at : at.ancestor("class_body");
    if (body == null || name == null) {
      return null;
    }
    for (Node member : body.namedChildren()) {
      if (member.is("method_definition") && name.equals(propertyName(member.child("name")))) {
        return member;
      }
      if (member.isAny("field_definition", "public_field_definition")) {
        Node key = member.child("property") != null ? member.child("property") : member.child("name");
        Node value = Syntax.unwrap(member.child("value"));
        if (name.equals(propertyName(key)) && Syntax.isFunction(value)) {
          return value;
        }
      }
    }
    return null;
  }

  /** The object literal a binding holds ({@code const handlers = {...}}); null when it is anything else. */
  Node objectLiteral(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e != null && e.is("object")) {
      return e;
    }
    if (e == null || !e.is("identifier")) {
      return null;
    }
    Node declaration = cx.scopes().declarationOf(e);
    Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
    if (declarator == null || declarator.child("name") != declaration) {
      return null;
    }
    Node init = Syntax.unwrap(declarator.child("value"));
    return init != null && init.is("object") ? init : null;
  }

  Node propertyFunction(Node object, String name, int depth) {
    if (name == null) {
      return null;
    }
    for (Node member : object.namedChildren()) {
      if (member.is("method_definition") && name.equals(propertyName(member.child("name")))) {
        return member;
      }
      if (member.is("pair") && name.equals(propertyName(member.child("key")))) {
        return localFunction(member.child("value"), depth + 1);
      }
      if (member.is("shorthand_property_identifier") && name.equals(member.text())) {
        return localFunction(member, depth + 1);
      }
    }
    return null;
  }

  public static String propertyName(Node key) {
    if (key == null) {
      return null;
    }
    String s = Syntax.stringValue(key);
    return s != null ? s : key.text();
  }
}
