package dev.wsguard.js.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsParserTest {
  private static SyntaxTree parse(String path, String text) {
    try (JsParser parser = new JsParser()) {
      return parser.parse(path, text.getBytes(StandardCharsets.UTF_8), JsGrammar.forPath(path));
    }
  }

  private static Node first(SyntaxTree tree, String type) {
    for (Node n : tree.root().descendants()) {
      if (n.is(type)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void givesUtf8ByteOffsetsPastCharactersOutsideTheBmp() {
    String text = "const a = '😀😀'; foo();";
    Node call = first(parse("a.js", text), "call_expression");
    int expected = text.substring(0, text.indexOf("foo")).getBytes(StandardCharsets.UTF_8).length;
    assertEquals(expected, call.startByte());
    assertEquals("foo()", call.text());
  }

  @Test
  void copiesFieldsAndDropsComments() {
    SyntaxTree tree = parse("a.js", "// leading\nconst x = /* inline */ jwt.verify(t, k);\n");
    Node call = first(tree, "call_expression");
    assertEquals("jwt.verify", call.child("function").text());
    assertEquals(2, call.child("arguments").namedChildren().size());
    assertNull(first(tree, "comment"));
  }

  @Test
  void picksTheGrammarByExtension() {
    assertEquals(JsGrammar.JAVASCRIPT, JsGrammar.forPath("a/b.CJS"));
    assertEquals(JsGrammar.TYPESCRIPT, JsGrammar.forPath("b.mts"));
    assertEquals(JsGrammar.TSX, JsGrammar.forPath("c.tsx"));
    assertNull(JsGrammar.forPath("d.json"));
    assertNotNull(first(parse("a.ts", "const x = y as string;"), "as_expression"));
  }

  @Test
  void marksErrorsAndMissingNodes() {
    SyntaxTree broken = parse("a.js", "const a = 1;\nfoo(\n");
    assertNotNull(broken.firstProblem());
    assertEquals(2, broken.firstProblem().line());
    assertNull(parse("a.js", "foo();").firstProblem());
  }

  @Test
  void copiesVeryDeepTreesWithoutRecursion() {
    int depth = 20_000;
    String text = "x = " + "[".repeat(depth) + "]".repeat(depth) + ";";
    SyntaxTree tree = parse("deep.js", text);
    int arrays = 0;
    for (Node n : tree.root().descendants()) {
      if (n.is("array")) {
        arrays++;
      }
    }
    assertEquals(depth, arrays);
  }

  @Test
  void reusesOneParserForManyFiles() {
    try (JsParser parser = new JsParser()) {
      for (int i = 0; i < 50; i++) {
        SyntaxTree tree = parser.parse("f" + i + ".ts", ("let v" + i + " = " + i + ";").getBytes(StandardCharsets.UTF_8),
            JsGrammar.TYPESCRIPT);
        assertTrue(tree.root().text().contains("v" + i));
      }
    }
  }
}
