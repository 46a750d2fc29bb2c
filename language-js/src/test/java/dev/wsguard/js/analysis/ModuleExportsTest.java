package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wsguard.js.facts.ExportFact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleExportsTest {
  @Test
  void readsCommonJsExports() {
    ModuleExports m = new ModuleExports(Parsed.of("a.js", """
        function verify() {}
        const wss = makeServer();
        module.exports = { verify, server: wss, check(t) { return t; } };
        exports.helper = () => 1;
        """).cx);
    Map<String, ExportFact> exports = m.exports();
    assertNotNull(exports.get("verify").functionKey());
    assertEquals("wss", exports.get("server").binding());
    assertNull(exports.get("server").functionKey());
    assertNotNull(exports.get("check").functionKey());
    assertNotNull(exports.get("helper").functionKey());
  }

  @Test
  void readsEsmExportsAndReExports() {
    ModuleExports m = new ModuleExports(Parsed.of("a.ts", """
        export function verify() {}
        export const decode = (t: string) => t;
        export default function () {}
        const local = () => 0;
        export { local as renamed };
        export { other } from './other';
        export * from './more';
        """).cx);
    Map<String, ExportFact> exports = m.exports();
    assertNotNull(exports.get("verify").functionKey());
    assertNotNull(exports.get("decode").functionKey());
    assertNotNull(exports.get("default").functionKey());
    assertNotNull(exports.get("renamed").functionKey());
    assertEquals(ExportFact.reexport("./other", "other"), exports.get("other"));
    assertEquals(List.of("./more"), m.starSpecifiers());
  }

  @Test
  void readsAModuleThatReExportsAnotherWhole() {
    ModuleExports m = new ModuleExports(Parsed.of("index.js", "module.exports = require('./impl');").cx);
    assertEquals(List.of("./impl"), m.starSpecifiers());
  }
}
