package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Compiles Java corpus sources against the API stubs in {@code cases/java/_stubs} (release 17), so that cases and
 * patched cases are code a real project could contain. The stubs are compiled once per test run.
 */
final class JavaStubs {
  static final Path STUBS = CorpusCase.CASES.resolve("java").resolve("_stubs");
  private static final String DOES_NOT_COMPILE = "// corpus: does-not-compile";
  private static Path classes;

  private JavaStubs() {}

  /** The compiled stubs; an {@link AssertionError} when they do not compile. */
  static synchronized Path classes() throws IOException {
    if (classes == null) {
      List<Path> stubs;
      try (Stream<Path> walk = Files.walk(STUBS)) {
        stubs = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      assertTrue(!stubs.isEmpty(), "no stubs under " + STUBS.toAbsolutePath());
      Path out = Files.createTempDirectory("wsguard-stubs");
      String problems = compile(stubs, out, null);
      if (!problems.isEmpty()) {
        throw new AssertionError("the API stubs do not compile:\n" + problems);
      }
      classes = out;
    }
    return classes;
  }

  /** The compiler's errors for the sources compiled against the stubs, one per line; empty when they compiled. */
  static String compileAgainstStubs(List<Path> sources) throws IOException {
    Path out = Files.createTempDirectory("wsguard-case");
    return compile(sources, out, classes());
  }

  /** False for a file that is not Java or says on its first line that it is meant not to compile. */
  static boolean meantToCompile(Path file) {
    if (!file.toString().endsWith(".java")) {
      return false;
    }
    try {
      return !Files.readString(file, StandardCharsets.UTF_8).startsWith(DOES_NOT_COMPILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String compile(List<Path> sources, Path out, Path classpath) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertNotNull(compiler, "no system Java compiler: run the tests on a JDK");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:none", "-nowarn", "-proc:none",
        "-d", out.toString()));
    if (classpath != null) {
      options.addAll(List.of("-classpath", classpath.toString()));
    }
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = compiler.getTask(null, files, diagnostics, options, null,
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
