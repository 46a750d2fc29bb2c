package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values taken from an incoming message: the handler's parameter, what {@code JSON.parse}, {@code toString} and
 * similar transforms make of it, its members, and variables assigned from those.
 */
final class MessageTaint {
  private static final int MAX_DEPTH = 6;

  private final FileContext cx;
  private final Map<Node, Boolean> messageDecls = new IdentityHashMap<>();

  MessageTaint(FileContext cx) {
    this.cx = cx;
  }

  void invalidate() {
    messageDecls.clear();
  }


  private static final Set<String> TRANSFORMS = Set.of("parse", "toString", "String", "slice", "substring",
      "substr", "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "replace", "replaceAll", "from",
      "decode", "normalize", "valueOf", "at", "concat", "padStart", "padEnd");

  /** True for the incoming message and values taken from it ({@code JSON.parse(raw)}, {@code msg.text}). */
  boolean messageDerived(Node expr) {
    return messageDerived(expr, 0);
  }

  private boolean messageDerived(Node expr, int depth) {
    Node e = Syntax.unwrapAwait(expr);
    if (e == null || depth > MAX_DEPTH) {
      return false;
    }
    switch (e.type()) {
      case "identifier", "shorthand_property_identifier" -> {
        Node declaration = cx.scopes().declarationOf(e);
        return declaration != null && messageDeclaration(declaration, depth);
      }
      case "member_expression", "subscript_expression" -> {
        return messageDerived(e.child("object"), depth + 1);
      }
      case "call_expression" -> {
        String name = Syntax.calleeName(e);
        if (name == null || !TRANSFORMS.contains(name)) {
          return false;
        }
        Node receiver = Syntax.receiver(e);
        boolean global = receiver == null || receiver.isAny("identifier") && cx.scopes().declarationOf(receiver) == null;
        if (!global && messageDerived(receiver, depth + 1)) {
          return true;
        }
        return !Syntax.arguments(e).isEmpty() && messageDerived(Syntax.argument(e, 0), depth + 1);
      }
      case "template_string" -> {
        for (Node sub : e.namedChildren()) {
          if (sub.is("template_substitution") && messageDerived(sub.namedChild(0), depth + 1)) {
            return true;
          }
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private boolean messageDeclaration(Node declaration, int depth) {
    if (cx.roleOf(declaration) == Role.MESSAGE) {
      return true;
    }
    Boolean cached = messageDecls.get(declaration);
    if (cached != null) {
      return cached;
    }
    messageDecls.put(declaration, false);
    boolean derived = false;
    Node declarator = declaration.ancestor("variable_declarator");
    if (declarator != null && declaration.within(declarator.child("name")) && declarator.child("value") != null) {
      derived = messageDerived(declarator.child("value"), depth + 1);
    }
    if (!derived) {
      for (Node assignment : cx.values().assignments(declaration.text())) {
        Node left = Syntax.unwrap(assignment.child("left"));
        if (left != null && left.is("identifier") && cx.scopes().declarationOf(left) == declaration
            && messageDerived(assignment.child("right"), depth + 1)) {
          derived = true;
          break;
        }
      }
    }
    messageDecls.put(declaration, derived);
    return derived;
  }
}
