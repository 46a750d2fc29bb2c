package dev.wsguard.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java corpus case compiles against the API stubs in {@code cases/java/_stubs} (release 17), so that cases are
 * code a real project could contain: a single file on its own, an app as one set of sources. A case that is meant
 * not to compile (the parse-error cases) says {@code // corpus: does-not-compile} on its first line.
 */
class JavaCasesCompileTest {
  @TestFactory
  Stream<DynamicTest> everyJavaCaseCompilesAgainstTheStubs() {
    List<CorpusCase> cases = CorpusCase.all().stream().filter(c -> c.language().equals("java")).toList();
    assertTrue(!cases.isEmpty(), "no Java corpus cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<Path> sources = c.files().stream().filter(JavaStubs::meantToCompile).toList();
      if (sources.isEmpty()) {
        return;
      }
      String problems = JavaStubs.compileAgainstStubs(sources);
      if (!problems.isEmpty()) {
        fail(c.name() + " does not compile against the stubs:\n" + problems);
      }
    }));
  }
}
