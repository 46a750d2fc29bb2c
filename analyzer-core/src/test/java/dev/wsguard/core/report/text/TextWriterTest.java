package dev.wsguard.core.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.report.Golden;
import dev.wsguard.core.report.SampleScan;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextWriterTest {
  private final TextWriter writer = new TextWriter();

  @Test
  void matchesGoldenFile() throws IOException {
    StringWriter out = new StringWriter();
    writer.write(SampleScan.result(), out);
    Golden.assertMatches("scan.txt", out.toString());
  }

  @Test
  void writesOneLinePerFindingThenTheSummary() throws IOException {
    StringWriter out = new StringWriter();
    writer.write(SampleScan.result(), out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(4, lines.size());
    assertEquals("src/server.js:4:13: error sample-upgrade-auth "
        + "The endpoint accepts connections after verifyToken, which only decodes the token", lines.get(1));
    assertEquals("3 findings (1 error, 1 warning, 1 note) in 12 files", lines.get(3));
  }

  @Test
  void summarisesWithPluralsAndOnlyTheLevelsFound() {
    assertEquals("0 findings in 1 file", TextWriter.summary(0, Map.of(), 1));
    assertEquals("1 finding (1 warning) in 0 files", TextWriter.summary(1, Map.of(Level.WARNING, 1), 0));
    assertEquals("3 findings (2 errors, 1 note) in 12 files",
        TextWriter.summary(3, Map.of(Level.NOTE, 1, Level.ERROR, 2), 12));
  }

  @Test
  void keepsAMultiLineMessageOnOneLine() {
    Finding finding = new Finding("r", Level.WARNING, "v", "first line\n  second line\r\nthird",
        new SourceLocation("a.js", 1, 2, 1, 3, 1, 2), List.of(), Confidence.HIGH, null, null, null);
    assertEquals("a.js:1:2: warning r first line second line third", TextWriter.line(finding));
  }

  @Test
  void writesNotificationsWithWhatTheyHave() throws IOException {
    StringWriter out = new StringWriter();
    writer.writeNotifications(List.of(
        new Notification("parse-error", Level.NOTE, "src/broken.js", 3, "Parse error. Found \";\""),
        Notification.of("unreadable-file", Level.WARNING, "src/locked.js", "permission denied"),
        Notification.of("no-config", Level.NOTE, null, "no .wsguard.yml found")), out);
    assertEquals("""
        src/broken.js:3: note: Parse error. Found ";" [parse-error]
        src/locked.js: warning: permission denied [unreadable-file]
        note: no .wsguard.yml found [no-config]
        """, out.toString());
  }

  @Test
  void writesOnlyTheSummaryForAScanWithoutFindings() throws IOException {
    StringWriter out = new StringWriter();
    writer.write(new ScanResult(SampleScan.ROOT, List.of(), List.of(), List.of(), 5, null), out);
    assertEquals("0 findings in 5 files\n", out.toString());
  }
}
