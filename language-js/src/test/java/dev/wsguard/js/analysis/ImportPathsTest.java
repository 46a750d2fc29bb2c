package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPathsTest {
  @Test
  void joinsTheSpecifierToTheImportersFolder() {
    List<String> candidates = ImportPaths.candidates("src/ws/server.js", "../auth");
    assertEquals("src/auth.js", candidates.get(0));
    assertTrue(candidates.contains("src/auth.ts"));
    assertTrue(candidates.contains("src/auth/index.js"));
    assertTrue(candidates.contains("src/auth/index.tsx"));
  }

  @Test
  void keepsAnExplicitExtensionFirstAndTriesTheTypeScriptSource() {
    List<String> candidates = ImportPaths.candidates("server.ts", "./auth.js");
    assertEquals("auth.js", candidates.get(0));
    assertTrue(candidates.contains("auth.ts"));
  }

  @Test
  void namesNothingAboveTheRoot() {
    assertTrue(ImportPaths.candidates("server.js", "../../outside").isEmpty());
  }

  @Test
  void listsRelativeSpecifiersOfEveryImportForm() {
    Parsed p = Parsed.of("a.ts", """
        import a from './a';
        import b = require('./b');
        const c = require('./c');
        export { d } from './d';
        const e = await import('./e');
        import pkg from 'pkg';
        """);
    assertEquals(List.of("./a", "./b", "./c", "./d", "./e"), ImportPaths.specifiers(p.cx.tree().root()));
  }
}
