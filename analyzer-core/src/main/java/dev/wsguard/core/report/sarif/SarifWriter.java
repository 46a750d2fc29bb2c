package dev.wsguard.core.report.sarif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.report.ReportJson;
import dev.wsguard.core.report.WsguardVersion;
import dev.wsguard.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a scan as SARIF 2.1.0 in the shape GitHub code scanning reads (DESIGN.md "Command line and outputs"): one
 * run whose driver lists every rule that ran, results with repo-relative locations under {@code %SRCROOT%}, related
 * locations, fixes and fingerprints, every referenced file in {@code artifacts}, and the scan's notifications in its
 * one invocation. The only absolute path is the root's URI in {@code originalUriBaseIds}. The caller's writer should
 * encode UTF-8.
 */
public final class SarifWriter {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT_KEY = "wsguard/v1";

  private final String toolVersion;

  /** A writer that names the running wsguard's version. */
  public SarifWriter() {
    this(WsguardVersion.current());
  }

  /** A writer that names {@code toolVersion}, a semantic version; golden tests pin it so releases do not churn them. */
  public SarifWriter(String toolVersion) {
    this.toolVersion = Objects.requireNonNull(toolVersion);
  }

  public void write(ScanResult result, Writer out) throws IOException {
    ReportJson.write(document(result), out);
  }

  private ObjectNode document(ScanResult result) {
    RuleDescriptors rules = new RuleDescriptors(result.rules());
    ArtifactIndex artifacts = ArtifactIndex.of(result);

    ObjectNode root = ReportJson.object();
    root.put("$schema", SCHEMA_URI);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    run.set("tool", tool(rules));
    run.putArray("invocations").add(invocation(result.notifications(), artifacts));
    if (result.root() != null) {
      run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", ArtifactUris.root(result.root()));
    }
    ArrayNode artifactArray = run.putArray("artifacts");
    for (String path : artifacts.paths()) {
      artifactArray.addObject().set("location", artifactLocation(path, null));
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : result.findings()) {
      results.add(result(finding, rules, artifacts));
    }
    run.put("columnKind", "utf16CodeUnits");
    return root;
  }

  private ObjectNode tool(RuleDescriptors rules) {
    ObjectNode tool = ReportJson.object();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "wsguard");
    driver.put("version", toolVersion);
    driver.put("semanticVersion", toolVersion);
    driver.set("rules", rules.toJson());
    return tool;
  }

  private static ObjectNode invocation(List<Notification> notifications, ArtifactIndex artifacts) {
    ObjectNode invocation = ReportJson.object();
    // a scan never dies on one bad file: what it could not read or parse is in the notifications below
    invocation.put("executionSuccessful", true);
    ArrayNode list = invocation.putArray("toolExecutionNotifications");
    for (Notification notification : notifications) {
      ObjectNode node = list.addObject();
      node.put("level", notification.level().sarif());
      node.putObject("message").put("text", notification.message());
      node.putObject("descriptor").put("id", notification.id());
      if (notification.path() != null) {
        ObjectNode physical = ReportJson.object();
        physical.set("artifactLocation", artifactLocation(notification.path(), artifacts));
        if (notification.line() > 0) {
          physical.putObject("region").put("startLine", notification.line());
        }
        node.putArray("locations").addObject().set("physicalLocation", physical);
      }
    }
    return invocation;
  }

  private static ObjectNode result(Finding finding, RuleDescriptors rules, ArtifactIndex artifacts) {
    ObjectNode node = ReportJson.object();
    node.put("ruleId", finding.ruleId());
    rules.indexOf(finding.ruleId()).ifPresent(index -> node.put("ruleIndex", index));
    node.put("level", finding.level().sarif());
    node.putObject("message").put("text", finding.message());
    node.putArray("locations").addObject().set("physicalLocation", physicalLocation(finding.location(), artifacts));
    if (finding.fingerprint() != null) {
      node.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
    }
    if (!finding.related().isEmpty()) {
      ArrayNode related = node.putArray("relatedLocations");
      int id = 1;
      for (RelatedLocation location : finding.related()) {
        ObjectNode entry = related.addObject();
        entry.put("id", id++);
        entry.set("physicalLocation", physicalLocation(location.location(), artifacts));
        entry.putObject("message").put("text", location.message());
      }
    }
    if (finding.fix() != null && !finding.fix().edits().isEmpty()) {
      node.putArray("fixes").add(fix(finding.fix(), artifacts));
    }
    ObjectNode properties = node.putObject("properties");
    properties.put("confidence", finding.confidence().name().toLowerCase(Locale.ROOT));
    properties.put("variant", finding.variant());
    return node;
  }

  private static ObjectNode fix(Fix fix, ArtifactIndex artifacts) {
    ObjectNode node = ReportJson.object();
    node.putObject("description").put("text", fix.description());
    // Fix keeps its edits sorted by file, so grouping in encounter order gives files in path order
    Map<String, List<TextEdit>> byFile = new LinkedHashMap<>();
    for (TextEdit edit : fix.edits()) {
      byFile.computeIfAbsent(edit.range().path(), path -> new ArrayList<>()).add(edit);
    }
    ArrayNode changes = node.putArray("artifactChanges");
    for (Map.Entry<String, List<TextEdit>> file : byFile.entrySet()) {
      ObjectNode change = changes.addObject();
      change.set("artifactLocation", artifactLocation(file.getKey(), artifacts));
      ArrayNode replacements = change.putArray("replacements");
      for (TextEdit edit : file.getValue()) {
        ObjectNode replacement = replacements.addObject();
        replacement.set("deletedRegion", region(edit.range()));
        // SARIF reads a replacement without insertedContent as a pure deletion
        if (!edit.replacement().isEmpty()) {
          replacement.putObject("insertedContent").put("text", edit.replacement());
        }
      }
    }
    return node;
  }

  private static ObjectNode physicalLocation(SourceLocation location, ArtifactIndex artifacts) {
    ObjectNode node = ReportJson.object();
    node.set("artifactLocation", artifactLocation(location.path(), artifacts));
    node.set("region", region(location));
    return node;
  }

  /** Without {@code artifacts}, the location is written without an index (inside {@code artifacts} itself). */
  private static ObjectNode artifactLocation(String path, ArtifactIndex artifacts) {
    ObjectNode node = ReportJson.object();
    node.put("uri", ArtifactUris.relative(path));
    node.put("uriBaseId", SRCROOT);
    if (artifacts != null) {
      node.put("index", artifacts.indexOf(path));
    }
    return node;
  }

  private static ObjectNode region(SourceLocation location) {
    ObjectNode node = ReportJson.object();
    node.put("startLine", location.startLine());
    node.put("startColumn", location.startColumn());
    node.put("endLine", location.endLine());
    node.put("endColumn", location.endColumn());
    node.put("byteOffset", location.startByte());
    node.put("byteLength", location.endByte() - location.startByte());
    return node;
  }
}
