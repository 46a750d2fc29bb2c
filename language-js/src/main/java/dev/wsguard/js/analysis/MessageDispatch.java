package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds how a message handler dispatches by message type: {@code switch (msg.type) { case 'x': ... }},
 * {@code if (msg.type === 'x')}, and handler maps {@code handlers[msg.type](...)}. Each type is one branch.
 */
public final class MessageDispatch {
  /**
   * One message type's branch.
   *
   * @param type the type's literal
   * @param at where the branch is registered (the case, the if, the map's property)
   * @param body the code that handles the type (a case's statements' parent, an if's consequence, a function)
   * @param entry the node reached when the type is taken (the switch case, the consequence, the dispatch call)
   * @param statements for a case: its statements; otherwise the body alone
   */
  public record Branch(String type, Node at, Node body, Node entry, List<Node> statements) {}

  private MessageDispatch() {}

  public static List<Branch> branches(FileContext cx, Node handler) {
    List<Branch> out = new ArrayList<>();
    Node body = Syntax.body(handler);
    if (body == null) {
      return out;
    }
    for (Node n : body.descendants()) {
      // nested callbacks (a timer, a promise) do not dispatch this handler's messages
      if (Syntax.enclosingFunction(n) != handler) {
        continue;
      }
      switch (n.type()) {
        case "switch_statement" -> switchBranches(cx, n, out);
        case "if_statement" -> ifBranch(cx, n, out);
        case "subscript_expression" -> mapBranches(cx, n, out);
        default -> { }
      }
    }
    return out;
  }

  private static void switchBranches(FileContext cx, Node s, List<Branch> out) {
    Node value = s.child("value");
    if (!cx.messageDerived(value)) {
      return;
    }
    Node body = s.child("body");
    if (body == null) {
      return;
    }
    for (Node c : body.namedChildren()) {
      if (!c.is("switch_case")) {
        continue;
      }
      String type = Syntax.stringValue(c.child("value"));
      if (type != null) {
        out.add(new Branch(type, c, c, c, c.childrenOf("body")));
      }
    }
  }

  private static void ifBranch(FileContext cx, Node s, List<Branch> out) {
    Node condition = Syntax.unwrap(s.child("condition"));
    String type = typeTest(cx, condition);
    Node consequence = s.child("consequence");
    if (type != null && consequence != null) {
      out.add(new Branch(type, s, consequence, consequence, List.of(consequence)));
    }
  }

  /** The literal of {@code msg.type === 'x'} (either order, == too); null for other conditions. */
  private static String typeTest(FileContext cx, Node condition) {
    if (condition == null || !condition.is("binary_expression")) {
      return null;
    }
    String op = Syntax.operator(condition);
    if (!"===".equals(op) && !"==".equals(op)) {
      return null;
    }
    Node left = condition.child("left");
    Node right = condition.child("right");
    String l = Syntax.stringValue(left);
    String r = Syntax.stringValue(right);
    if (r != null && cx.messageDerived(left)) {
      return r;
    }
    if (l != null && cx.messageDerived(right)) {
      return l;
    }
    return null;
  }

  /** {@code handlers[msg.type](...)}: one branch per property of the handlers object. */
  private static void mapBranches(FileContext cx, Node subscript, List<Branch> out) {
    Node index = subscript.child("index");
    if (index == null || !cx.messageDerived(index) || cx.messageDerived(subscript.child("object"))) {
      return;
    }
    Node literal = cx.objectLiteral(subscript.child("object"));
    if (literal == null) {
      return;
    }
    Node dispatch = Syntax.wrapped(subscript).parent();
    for (Node member : literal.namedChildren()) {
      String key = null;
      Node fn = null;
      if (member.is("method_definition")) {
        key = FileContext.propertyName(member.child("name"));
        fn = member;
      } else if (member.is("pair")) {
        key = FileContext.propertyName(member.child("key"));
        fn = cx.localFunction(member.child("value"));
      } else if (member.is("shorthand_property_identifier")) {
        key = member.text();
        fn = cx.localFunction(member);
      }
      if (key != null && fn != null) {
        out.add(new Branch(key, member, fn, dispatch != null ? dispatch : subscript, List.of(fn)));
      }
    }
  }
}
