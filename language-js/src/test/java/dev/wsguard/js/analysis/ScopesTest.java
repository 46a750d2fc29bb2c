package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wsguard.js.parse.Node;
import org.junit.jupiter.api.Test;

class ScopesTest {
  @Test
  void findsTheNearestDeclaration() {
    Parsed p = Parsed.of("a.js", """
        const user = 1;
        function f(user) {
          return user;
        }
        g(user);
        """);
    Node inner = p.node("return_statement", "return user;").namedChild(0);
    Node param = p.node("formal_parameters", "(user)").namedChild(0);
    assertSame(param, p.cx.scopes().declarationOf(inner));
    Node outer = p.last("identifier", "user");
    assertEquals(1, p.cx.scopes().declarationOf(outer).line());
  }

  @Test
  void bindsDestructuredAndImportedNames() {
    Parsed p = Parsed.of("a.js", """
        import def, { a as b } from 'm';
        const { c, d: e, ...rest } = obj;
        use(def, b, c, e, rest);
        """);
    Node call = p.node("call_expression", "use(def, b, c, e, rest)");
    for (Node arg : call.child("arguments").namedChildren()) {
      Node declaration = p.cx.scopes().declarationOf(arg);
      assertEquals(arg.text(), declaration.text());
    }
  }

  @Test
  void leavesGlobalsUndeclared() {
    Parsed p = Parsed.of("a.js", "console.log(1);");
    assertNull(p.cx.scopes().declarationOf(p.node("identifier", "console")));
  }

  @Test
  void scopesCatchAndLoopBindings() {
    Parsed p = Parsed.of("a.js", """
        try { x(); } catch (err) { log(err); }
        for (const client of list) send(client);
        """);
    Node err = p.last("identifier", "err");
    assertEquals("catch_clause", p.cx.scopes().declarationOf(err).parent().type());
    Node client = p.last("identifier", "client");
    assertEquals("for_in_statement", p.cx.scopes().declarationOf(client).parent().type());
  }
}
