package dev.wsguard.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  @Test
  void findsTheFilesIndentationStep() {
    assertEquals("\t", Templates.indentUnit("a {\n\tb;\n\t\tc;\n  /*\n   * d\n   */\n}\n"));
    assertEquals("    ", Templates.indentUnit("/**\n * doc\n */\nclass A {\r\n    int b;\r\n        int c;\r\n}\r\n"));
    assertEquals("  ", Templates.indentUnit("flat();\nfile();\n"));
  }

  @Test
  void rendersATemplateAtAnIndentInTheFilesStep() {
    assertEquals("\tif (x) {\n\t\ty('a');\n\n\t}",
        Templates.render("if (x) {\n  y('a');\n\n}", "\t", "\t", UnaryOperator.identity()));
    assertEquals("    f(\"a\")", Templates.render("f('a');", "    ", "  ",
        l -> l.replace('\'', '"').replace(";", "")));
  }
}
