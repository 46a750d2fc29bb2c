package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java corpus case compiles against the API stubs in {@code cases/java/_stubs} (release 17), so that cases are
 * code a real project could contain: a single file on its own, an app as one set of sources. A case that is meant
 * not to compile (the parse-error cases) says {@code // corpus: does-not-compile} on its first line.
 */
class JavaCasesCompileTest {
  static final Path STUBS = CorpusCase.CASES.resolve("java").resolve("_stubs");
  private static final String DOES_NOT_COMPILE = "// corpus: does-not-compile";

  @TempDir
  static Path classes;

  @BeforeAll
  static void compileStubs() throws IOException {
    List<Path> stubs;
    try (Stream<Path> walk = Files.walk(STUBS)) {
      stubs = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(!stubs.isEmpty(), "no stubs under " + STUBS.toAbsolutePath());
    String problems = compile(stubs, List.of("-d", classes.resolve("stubs").toString()));
    if (!problems.isEmpty()) {
      fail("the API stubs do not compile:\n" + problems);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaCaseCompilesAgainstTheStubs() {
    List<CorpusCase> cases = CorpusCase.all().stream().filter(c -> c.language().equals("java")).toList();
    assertTrue(!cases.isEmpty(), "no Java corpus cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<Path> sources = c.files().stream().filter(JavaCasesCompileTest::meantToCompile).toList();
      if (sources.isEmpty()) {
        return;
      }
      Path out = Files.createTempDirectory(classes, "case");
      String problems = compile(sources, List.of("-d", out.toString(), "-classpath",
          classes.resolve("stubs").toString(), "-proc:none"));
      if (!problems.isEmpty()) {
        fail(c.name() + " does not compile against the stubs:\n" + problems);
      }
    }));
  }

  private static boolean meantToCompile(Path file) {
    if (!file.toString().endsWith(".java")) {
      return false;
    }
    try {
      return !Files.readString(file, StandardCharsets.UTF_8).startsWith(DOES_NOT_COMPILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compiler's errors, one per line; empty when it compiled. */
  private static String compile(List<Path> sources, List<String> options) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "no system Java compiler: run the tests on a JDK");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> all = new ArrayList<>(List.of("--release", "17", "-Xlint:none", "-nowarn"));
    all.addAll(options);
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Files.createDirectories(Path.of(options.get(1)));
      boolean ok = compiler.getTask(null, files, diagnostics, all, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      String errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
              + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      return ok ? "" : errors.isEmpty() ? "the compiler failed without a message" : errors;
    }
  }
}
