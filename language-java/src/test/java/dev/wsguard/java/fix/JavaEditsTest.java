package dev.wsguard.java.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.java.unit.JavaUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaEditsTest {
  private static JavaEdits edits(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new JavaEdits(new JavaUnit("A.java", bytes, StaticJavaParser.parse(text)), bytes);
  }

  private static String apply(String text, List<TextEdit> edits) {
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), edits), StandardCharsets.UTF_8);
  }

  @Test
  void addsImportsInSortedPlacesAndSkipsWhatIsThere() {
    String text = """
        package app;

        import java.util.List;
        import org.example.Zed;

        class A {}
        """;
    List<TextEdit> out = edits(text).addImports(
        List.of("java.util.List", "java.lang.String", "app.Other", "jakarta.websocket.Session",
            "org.example.Alpha", "zz.Last")).orElseThrow();
    assertEquals("""
        package app;

        import jakarta.websocket.Session;
        import java.util.List;
        import org.example.Alpha;
        import org.example.Zed;
        import zz.Last;

        class A {}
        """, apply(text, out));
  }

  @Test
  void refusesAnImportWhoseSimpleNameIsTaken() {
    JavaEdits e = edits("import org.other.Session;\nclass A {}\n");
    assertTrue(e.addImports(List.of("jakarta.websocket.Session")).isEmpty());
  }

  @Test
  void addsTheFirstImportAfterThePackage() {
    String text = "package app;\n\nclass A {}\n";
    assertEquals("package app;\n\nimport java.util.Set;\n\nclass A {}\n",
        apply(text, edits(text).addImports(List.of("java.util.Set")).orElseThrow()));
  }

  @Test
  void addsAMemberInTheFilesIndentation() {
    String text = "class A {\n\tvoid a() {\n\t}\n}\n";
    JavaEdits e = edits(text);
    TypeDeclaration<?> type = e.tree().findFirst(ClassOrInterfaceDeclaration.class).orElseThrow();
    TextEdit member = e.addMember(type, "void b() {\n  return;\n}").orElseThrow();
    assertEquals("class A {\n\tvoid a() {\n\t}\n\n\tvoid b() {\n\t\treturn;\n\t}\n}\n", apply(text, List.of(member)));
  }

  @Test
  void annotatesAboveTheDeclarationAndItsAnnotations() {
    String text = "class A {\n    @Override\n    public String toString() { return \"\"; }\n}\n";
    JavaEdits e = edits(text);
    MethodDeclaration m = e.tree().findFirst(MethodDeclaration.class).orElseThrow();
    assertEquals("class A {\n    @Deprecated\n    @Override\n    public String toString() { return \"\"; }\n}\n",
        apply(text, new ArrayList<>(List.of(e.annotate(m, "@Deprecated")))));
    assertEquals(m, e.nodeAt(e.unit().location(m), MethodDeclaration.class));
  }
}
