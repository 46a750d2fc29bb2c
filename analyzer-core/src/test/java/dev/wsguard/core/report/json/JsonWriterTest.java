package dev.wsguard.core.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.report.Golden;
import dev.wsguard.core.report.SampleScan;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void matchesGoldenFile() throws IOException {
    Golden.assertMatches("scan.json", write(SampleScan.result()));
  }

  @Test
  void writesEveryFindingFieldIncludingRelatedAndFixEdits() throws IOException {
    JsonNode finding = JSON.readTree(write(SampleScan.result())).at("/findings/1");
    assertEquals("sample-upgrade-auth", finding.get("ruleId").asText());
    assertEquals("error", finding.get("level").asText());
    assertEquals("decoded-only", finding.get("variant").asText());
    assertEquals("src/server.js", finding.at("/location/path").asText());
    assertEquals(4, finding.at("/location/startLine").asInt());
    assertEquals(2, finding.get("related").size());
    assertEquals("src/auth/verify.js", finding.at("/related/1/location/path").asText());
    assertEquals("high", finding.get("confidence").asText());
    assertEquals("add-upgrade-auth", finding.get("fixIntent").asText());
    assertEquals(3, finding.at("/fix/edits").size());
    assertEquals("jwt.verify(token, process.env.JWT_SECRET)", finding.at("/fix/edits/0/replacement").asText());
    assertEquals("3f2a9c1d7e4b5a60", finding.get("fingerprint").asText());
  }

  @Test
  void writesNullForAbsentValuesSoEveryKeyIsAlwaysThere() throws IOException {
    Finding finding = new Finding("r", Level.NOTE, "v", "m", new SourceLocation("a.js", 1, 1, 1, 2, 0, 1),
        List.of(), Confidence.LOW, null, null, null);
    ScanResult result = new ScanResult(SampleScan.ROOT, List.of(), List.of(finding),
        List.of(Notification.of("no-config", Level.NOTE, null, "none")), 1, null);
    JsonNode root = JSON.readTree(write(result));
    JsonNode node = root.at("/findings/0");
    assertTrue(node.get("fixIntent").isNull());
    assertTrue(node.get("fix").isNull());
    assertTrue(node.get("fingerprint").isNull());
    assertTrue(root.at("/notifications/0/path").isNull());
    assertEquals(0, root.at("/notifications/0/line").asInt());
    assertEquals(1, root.at("/stats/filesScanned").asInt());
    assertFalse(root.get("stats").has("bytesRead"));
  }

  @Test
  void leavesPhaseTimingsOutOfStats() throws IOException {
    JsonNode stats = JSON.readTree(write(SampleScan.result())).get("stats");
    assertEquals(List.of("filesScanned", "filesDiscovered", "filesKept", "bytesRead"), fieldNames(stats));
    assertEquals(51_234, stats.get("bytesRead").asLong());
  }

  @Test
  void namesFixIntentKindsInKebabCase() {
    SourceLocation at = new SourceLocation("a.js", 1, 1, 1, 2, 0, 1);
    TokenUse use = new TokenUse(at, "jsonwebtoken.decode", false, true, false, null, null);
    assertEquals("verify-token", JsonWriter.kind(new FixIntent.VerifyToken(use)));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String write(ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    new JsonWriter("0.1.0").write(result, out);
    return out.toString();
  }
}
