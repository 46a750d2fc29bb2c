package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wsguard.js.parse.Node;
import org.junit.jupiter.api.Test;

class LocalFunctionsTest {
  private static String resolved(String source, String callee) {
    Parsed p = Parsed.of("a.js", source);
    Node expr = p.last("call_expression", callee + "()").child("function");
    Node fn = p.cx.localFunction(expr);
    return fn == null ? null : FunctionSummaries.nameOf(fn);
  }

  @Test
  void findsDeclarationsConstantsAndObjectMethods() {
    assertEquals("a", resolved("function a() {}\na();", "a"));
    assertEquals("b", resolved("const b = () => 1;\nb();", "b"));
    assertEquals("c", resolved("const c = () => 1; const alias = c;\nalias();", "alias"));
    assertEquals("m", resolved("const o = { m() {} };\no.m();", "o.m"));
    assertEquals("n", resolved("const n = () => 0; const o = { n };\no.n();", "o.n"));
  }

  @Test
  void findsClassMethodsThroughThisAndInstances() {
    assertEquals("run", resolved("class A { run() {} go() { this.run(); } }", "this.run"));
    assertEquals("field", resolved("class A { field = () => 1; go() { this.field(); } }", "this.field"));
    assertEquals("run", resolved("class S { run() {} }\nconst s = new S();\ns.run();", "s.run"));
  }

  @Test
  void findsNothingForImportsAndGlobals() {
    assertNull(resolved("const { f } = require('./f');\nf();", "f"));
    assertNull(resolved("g();", "g"));
  }
}
