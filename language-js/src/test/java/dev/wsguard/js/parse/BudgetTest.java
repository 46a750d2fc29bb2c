package dev.wsguard.js.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BudgetTest {
  private static SyntaxTree tree() {
    String text = "f(1);\n".repeat(2_000);
    try (JsParser parser = new JsParser()) {
      return parser.parse("a.js", text.getBytes(StandardCharsets.UTF_8), JsGrammar.JAVASCRIPT);
    }
  }

  private static int walk(SyntaxTree tree) {
    int n = 0;
    for (Node ignored : tree.root().descendants()) {
      n++;
    }
    return n;
  }

  @Test
  void aSpentBudgetStopsTheWalk() {
    SyntaxTree tree = tree();
    try {
      Budget.start(0);
      assertThrows(Budget.Exceeded.class, () -> walk(tree));
    } finally {
      Budget.clear();
    }
  }

  @Test
  void withoutABudgetTheWalkVisitsEveryNode() {
    SyntaxTree tree = tree();
    Budget.clear();
    // program + 2,000 × (expression_statement, call_expression, identifier, arguments, '(', number, ')', ';')
    assertEquals(1 + 2_000 * 8, walk(tree));
  }
}
