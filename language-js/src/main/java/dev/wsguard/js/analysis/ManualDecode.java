package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;

/**
 * Recognises a token's payload decoded by hand: {@code Buffer.from(token.split('.')[1], 'base64')} or
 * {@code atob(parts[1])}, directly or through a variable holding the split or the segment.
 */
final class ManualDecode {
  private ManualDecode() {}

  /** @param api what the call's callee names */
  static boolean isManualDecode(Node call, Api api, FileContext cx) {
    if (api == null || !api.isGlobal()) {
      return false;
    }
    String name = api.qualified();
    Node segment;
    if (name.equals("Buffer.from")) {
      String encoding = Syntax.stringValue(Syntax.argument(call, 1));
      if (encoding == null || !encoding.startsWith("base64")) {
        return false;
      }
      segment = Syntax.argument(call, 0);
    } else if (name.equals("atob")) {
      segment = Syntax.argument(call, 0);
    } else {
      return false;
    }
    return isPayloadSegment(segment, cx, 0);
  }

  /** {@code x.split('.')[1]}, or a name bound to it ({@code const [, payload] = token.split('.')}). */
  private static boolean isPayloadSegment(Node expr, FileContext cx, int depth) {
    Node e = Syntax.unwrap(expr);
    if (e == null || depth > 3) {
      return false;
    }
    if (e.is("call_expression") && "replace".equals(Syntax.calleeName(e)) || e.is("call_expression")
        && "replaceAll".equals(Syntax.calleeName(e))) {
      return isPayloadSegment(Syntax.receiver(e), cx, depth + 1);
    }
    if (e.is("subscript_expression")) {
      Node index = e.child("index");
      return index != null && index.text().equals("1") && isDotSplit(e.child("object"), cx, depth + 1);
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      if (declarator == null) {
        return false;
      }
      Node name = declarator.child("name");
      Node init = declarator.child("value");
      if (name == declaration) {
        return isPayloadSegment(init, cx, depth + 1);
      }
      // const [header, payload] = token.split('.'): the second element
      if (name.is("array_pattern") && declaration.parent() == name) {
        int position = 0;
        for (Node c : name.children()) {
          if (c == declaration) {
            break;
          }
          if (c.type().equals(",")) {
            position++;
          }
        }
        return position == 1 && isDotSplit(init, cx, depth + 1);
      }
    }
    return false;
  }

  private static boolean isDotSplit(Node expr, FileContext cx, int depth) {
    Node e = Syntax.unwrap(expr);
    if (e == null) {
      return false;
    }
    if (e.is("identifier")) {
      Node declaration = cx.scopes().declarationOf(e);
      Node declarator = declaration == null ? null : declaration.ancestor("variable_declarator");
      return declarator != null && declarator.child("name") == declaration && depth < 4
          && isDotSplit(declarator.child("value"), cx, depth + 1);
    }
    return e.is("call_expression") && "split".equals(Syntax.calleeName(e))
        && ".".equals(Syntax.stringValue(Syntax.argument(e, 0)));
  }
}
