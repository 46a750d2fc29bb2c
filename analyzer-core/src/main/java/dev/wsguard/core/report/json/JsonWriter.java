package dev.wsguard.core.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.engine.ScanStats;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.report.ReportJson;
import dev.wsguard.core.report.WsguardVersion;
import dev.wsguard.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Objects;

/**
 * wsguard's own JSON report, for scripts that want every field of a finding without reading SARIF. Keys always
 * appear, in this order, with {@code null} where a value is absent:
 *
 * <pre>{@code
 * {
 *   "version": "0.1.0",                       // the wsguard version that wrote the report
 *   "findings": [{
 *     "ruleId": "missing-upgrade-auth",
 *     "level": "error",                       // error | warning | note
 *     "variant": "no-guard",                  // the message variant's key, as corpus markers name it
 *     "message": "...",
 *     "location": LOCATION,
 *     "related": [{"location": LOCATION, "message": "..."}],
 *     "confidence": "high",                   // high | medium | low
 *     "fixIntent": "add-upgrade-auth",        // the intent's kind in kebab case, or null
 *     "fix": {"description": "...", "edits": [{"location": LOCATION, "replacement": "..."}]},  // or null
 *     "fingerprint": "..."                    // or null
 *   }],
 *   "notifications": [{"id": "parse-error", "level": "warning", "path": "src/a.js", "line": 3, "message": "..."}],
 *   "stats": {"filesScanned": 12, "filesDiscovered": 40, "filesKept": 12, "bytesRead": 51234}
 * }
 * LOCATION = {"path": "src/a.js", "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 5,
 *             "startByte": 0, "endByte": 4}
 * }</pre>
 *
 * <p>Paths are relative to the scan root; lines and columns are 1-based, columns in UTF-16 code units, byte offsets
 * end-exclusive; a notification's {@code path} is null and its {@code line} 0 when it has none. Findings and
 * notifications keep the scan's order. {@code stats} holds counts only: the phase timings in {@link ScanStats}
 * differ on every run and would make two reports of the same code differ. {@code filesDiscovered}, {@code
 * filesKept} and {@code bytesRead} are left out when the scan recorded no stats. The caller's writer should encode
 * UTF-8.
 */
public final class JsonWriter {
  private final String toolVersion;

  public JsonWriter() {
    this(WsguardVersion.current());
  }

  /** A writer that names {@code toolVersion}; golden tests pin it so releases do not churn them. */
  public JsonWriter(String toolVersion) {
    this.toolVersion = Objects.requireNonNull(toolVersion);
  }

  public void write(ScanResult result, Writer out) throws IOException {
    ObjectNode root = ReportJson.object();
    root.put("version", toolVersion);
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : result.findings()) {
      findings.add(finding(finding));
    }
    ArrayNode notifications = root.putArray("notifications");
    for (Notification notification : result.notifications()) {
      notifications.add(notification(notification));
    }
    root.set("stats", stats(result));
    ReportJson.write(root, out);
  }

  private static ObjectNode finding(Finding finding) {
    ObjectNode node = ReportJson.object();
    node.put("ruleId", finding.ruleId());
    node.put("level", finding.level().sarif());
    node.put("variant", finding.variant());
    node.put("message", finding.message());
    node.set("location", location(finding.location()));
    ArrayNode related = node.putArray("related");
    for (RelatedLocation location : finding.related()) {
      ObjectNode entry = related.addObject();
      entry.set("location", location(location.location()));
      entry.put("message", location.message());
    }
    node.put("confidence", finding.confidence().name().toLowerCase(Locale.ROOT));
    node.put("fixIntent", finding.fixIntent() == null ? null : kind(finding.fixIntent()));
    if (finding.fix() == null) {
      node.putNull("fix");
    } else {
      ObjectNode fix = node.putObject("fix");
      fix.put("description", finding.fix().description());
      ArrayNode edits = fix.putArray("edits");
      for (TextEdit edit : finding.fix().edits()) {
        ObjectNode entry = edits.addObject();
        entry.set("location", location(edit.range()));
        entry.put("replacement", edit.replacement());
      }
    }
    node.put("fingerprint", finding.fingerprint());
    return node;
  }

  private static ObjectNode notification(Notification notification) {
    ObjectNode node = ReportJson.object();
    node.put("id", notification.id());
    node.put("level", notification.level().sarif());
    node.put("path", notification.path());
    node.put("line", notification.line());
    node.put("message", notification.message());
    return node;
  }

  private static ObjectNode stats(ScanResult result) {
    ObjectNode node = ReportJson.object();
    node.put("filesScanned", result.filesScanned());
    ScanStats stats = result.stats();
    if (stats != null) {
      node.put("filesDiscovered", stats.filesDiscovered());
      node.put("filesKept", stats.filesKept());
      node.put("bytesRead", stats.bytesRead());
    }
    return node;
  }

  private static ObjectNode location(SourceLocation location) {
    ObjectNode node = ReportJson.object();
    node.put("path", location.path());
    node.put("startLine", location.startLine());
    node.put("startColumn", location.startColumn());
    node.put("endLine", location.endLine());
    node.put("endColumn", location.endColumn());
    node.put("startByte", location.startByte());
    node.put("endByte", location.endByte());
    return node;
  }

  /** {@code AddUpgradeAuth} is {@code add-upgrade-auth}, the kebab case the rest of wsguard's keys use. */
  static String kind(FixIntent intent) {
    return intent.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
