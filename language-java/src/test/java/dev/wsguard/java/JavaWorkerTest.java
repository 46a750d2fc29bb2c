package dev.wsguard.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.rule.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaWorkerTest {
  private final JavaWorker worker = new JavaWorker();

  @Test
  void parsesJava21FileWithoutNotification() {
    JavaWorker.Parsed analysis = parse("src/Shapes.java", """
        package demo;

        sealed interface Shape permits Circle, Square, Blob {}

        record Circle(double radius) implements Shape {}

        record Square(double side) implements Shape {}

        non-sealed class Blob implements Shape {}

        final class Shapes {
          static double area(Shape shape) {
            return switch (shape) {
              case Circle(double r) when r > 10 -> Math.PI * r * r;
              case Circle c -> Math.PI * c.radius() * c.radius();
              case Square s -> s.side() * s.side();
              case Blob b -> 0;
            };
          }

          static String describe(Object o) {
            if (o instanceof Square(var side)) {
              return "square of " + side;
            }
            return switch (o) {
              case null -> "nothing";
              case String s when s.isBlank() -> "blank";
              default -> {
                String text = \"""
                    a shape
                    of some kind\""";
                yield text.strip();
              }
            };
          }
        }
        """);
    assertEquals(List.of(), analysis.notifications());
    CompilationUnit unit = analysis.unit();
    assertEquals(2, unit.findAll(RecordDeclaration.class).size());
    assertEquals(2, unit.findAll(SwitchExpr.class).size());
    assertEquals(1, unit.findAll(TextBlockLiteralExpr.class).size());
    ClassOrInterfaceDeclaration shape = unit.getInterfaceByName("Shape").orElseThrow();
    assertTrue(shape.hasModifier(Modifier.Keyword.SEALED));
    assertEquals(3, shape.getPermittedTypes().size());
  }

  @Test
  void reportsBrokenFileWithOneNotificationOnItsLineAndKeepsThePartialTree() {
    JavaWorker.Parsed analysis = parse("src/Broken.java", """
        class Broken {
          void ok() {}

          void broken() {
            int x = ;
          }
        }
        """);
    assertEquals(List.of(new Notification("parse-error", Level.WARNING, "src/Broken.java", 5,
        "Parse error. Found \";\"")), analysis.notifications());
    CompilationUnit unit = analysis.unit();
    assertEquals(List.of("ok", "broken"),
        unit.findAll(MethodDeclaration.class).stream().map(MethodDeclaration::getNameAsString).toList());
  }

  @Test
  void reportsTheLineOfTheTokenWhereParsingStopped() {
    // the unclosed call starts on line 3; the parser trips over the brace on line 4
    JavaFileAnalysis analysis = analyze("A.java", "class A {\n  void f() {\n    call(\n  }\n}\n");
    assertEquals(1, analysis.notifications().size());
    assertEquals(4, analysis.notifications().get(0).line());
  }

  @Test
  void reportsLexicalErrorWithItsLine() {
    JavaFileAnalysis analysis = analyze("A.java", "class A {\n  String s = \"unterminated;\n}\n");
    assertEquals(1, analysis.notifications().size());
    Notification notification = analysis.notifications().get(0);
    assertEquals(2, notification.line());
    assertTrue(notification.message().startsWith("Lexical error at line 2"), notification.message());
  }

  @Test
  void keepsASingleExpectedToken() {
    JavaFileAnalysis analysis = analyze("A.java", "class A { void f() { goto x; } }");
    assertEquals("Parse error. Found \"goto\", expected \"}\"", analysis.notifications().get(0).message());
  }

  @Test
  void reportsEachProblemOfAFile() {
    JavaFileAnalysis analysis = analyze("A.java", "class A {\n  void f() {\n    a(;\n    b(;\n  }\n}\n");
    assertEquals(List.of(3, 4), analysis.notifications().stream().map(Notification::line).toList());
  }

  @Test
  void parsesAFileThatStartsWithAByteOrderMark() {
    JavaFileAnalysis analysis = analyze("A.java", "\uFEFFclass A {}\n");
    assertEquals(List.of(), analysis.notifications());
  }

  @Test
  void parsesOneFileAfterAnotherWithTheSameParser() {
    analyze("Broken.java", "class {");
    assertEquals(List.of(), analyze("Fine.java", "class Fine {}").notifications());
  }

  @Test
  void reportsAParserCrashInsteadOfThrowing() {
    // nesting this deep exhausts the stack of a recursive-descent parser
    String code = "class A { int x = " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "; }";
    JavaWorker.Parsed analysis = parse("Deep.java", code);
    assertEquals(List.of(new Notification("parse-error", Level.WARNING, "Deep.java", 0,
        "the Java parser failed: StackOverflowError")), analysis.notifications());
    assertNull(analysis.unit());
    assertEquals(List.of(), analyze("Fine.java", "class Fine { int x = (1); }").notifications());
  }

  @Test
  void analysisCarriesTheParseProblemsButNotTheTree() {
    String code = "class A {\n  void f() {\n    a(;\n  }\n}\n";
    JavaFileAnalysis analysis = analyze("A.java", code);
    assertEquals(parse("A.java", code).notifications(), analysis.notifications());
    // no component may hold a tree: every record component is a path, notifications, paths or tree-free facts
    assertEquals(List.of("path", "notifications", "imports", "facts"),
        java.util.Arrays.stream(JavaFileAnalysis.class.getRecordComponents()).map(c -> c.getName()).toList());
    assertEquals(List.of(), analysis.facts());
  }

  private JavaWorker.Parsed parse(String path, String code) {
    return worker.parse(new SourceFile(path, code.getBytes(StandardCharsets.UTF_8)));
  }

  private JavaFileAnalysis analyze(String path, String code) {
    return (JavaFileAnalysis) worker.analyze(new SourceFile(path, code.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String HANDLER = """
      package demo;
      import org.springframework.web.socket.TextMessage;
      import org.springframework.web.socket.WebSocketSession;
      import org.springframework.web.socket.handler.TextWebSocketHandler;
      class Echo extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
          session.sendMessage(message);
        }
      }
      """;

  @Test
  void aFileOverTheSizeLimitIsOnlyPrefiltered() {
    JavaWorker small = new JavaWorker(15, HANDLER.length() - 1);
    JavaFileAnalysis analysis = (JavaFileAnalysis) small.analyze(
        new SourceFile("src/Echo.java", HANDLER.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), analysis.facts());
    assertEquals(List.of("analysis-budget"), analysis.notifications().stream().map(Notification::id).toList());
    assertTrue(analysis.notifications().get(0).message().contains("only prefiltered"));
  }

  @Test
  void aSpentBudgetStopsTheFileAndTheNextFileIsAnalysed() {
    JavaWorker none = new JavaWorker(0, JavaWorker.MAX_FILE_BYTES);
    JavaFileAnalysis stopped = (JavaFileAnalysis) none.analyze(
        new SourceFile("src/Echo.java", HANDLER.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), stopped.facts());
    assertEquals(List.of("analysis-budget"), stopped.notifications().stream().map(Notification::id).toList());
    // the budget belongs to one file: the same thread's next file is analysed in full
    JavaFileAnalysis next = (JavaFileAnalysis) worker.analyze(
        new SourceFile("src/Echo.java", HANDLER.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), next.notifications());
    assertTrue(!next.facts().isEmpty());
  }
}
