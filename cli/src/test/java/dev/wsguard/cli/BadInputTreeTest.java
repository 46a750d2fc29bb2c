package dev.wsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with the real front ends and rules: a tree full of files that must not stop a scan, beside one real
 * {@code ws} server without authentication. The scan finishes, reports the server, lists every problem as a
 * notification, and sets the exit code from the findings alone.
 */
class BadInputTreeTest {
  private static final String SERVER = """
      const { WebSocketServer } = require('ws');

      const wss = new WebSocketServer({ port: 8080 });
      wss.on('connection', (ws) => {
        ws.on('message', (data) => ws.send(data));
      });
      """;
  private static final int BUNDLE_BYTES = 5 * 1024 * 1024;

  @TempDir Path tmp;
  private boolean lockedFileIsUnreadable;

  @BeforeEach
  void buildTheTree() throws IOException {
    Files.writeString(tmp.resolve("server.js"), SERVER);

    byte[] binary = "const ws = require('ws');\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    Files.write(tmp.resolve("binary.js"), binary);

    Files.write(tmp.resolve("empty.js"), new byte[0]);

    Files.writeString(tmp.resolve("syntax-error.js"),
        "const { WebSocketServer } = require('ws');\nfunction broken( {\n  return new WebSocketServer(;\n");

    byte[] head = "const ws = require('ws'); const s = '".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "';\nconsole.log(s);\n".getBytes(StandardCharsets.UTF_8);
    byte[] invalid = new byte[head.length + 3 + tail.length];
    System.arraycopy(head, 0, invalid, 0, head.length);
    invalid[head.length] = (byte) 0xff;
    invalid[head.length + 1] = (byte) 0xc3;
    invalid[head.length + 2] = (byte) 0x28;
    System.arraycopy(tail, 0, invalid, head.length + 3, tail.length);
    Files.write(tmp.resolve("invalid-utf8.js"), invalid);

    Files.createDirectories(tmp.resolve("public"));
    Files.write(tmp.resolve("public/app.bundle.js"), minifiedBundle());

    Path locked = Files.writeString(tmp.resolve("locked.js"), SERVER);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // root reads any file whatever its mode; there is then no unreadable file to report
    lockedFileIsUnreadable = !Files.isReadable(locked);

    Files.createDirectories(tmp.resolve("nested"));
    Files.createSymbolicLink(tmp.resolve("nested/loop"), tmp);
  }

  /** One 5 MB line, as bundlers write it, with a ws server inside. */
  private static byte[] minifiedBundle() {
    StringBuilder bundle = new StringBuilder(BUNDLE_BYTES + 200);
    bundle.append("!function(){var w=require(\"ws\");var s=new w.WebSocketServer({port:9000});");
    for (int i = 0; bundle.length() < BUNDLE_BYTES; i++) {
      bundle.append("function f").append(i).append("(a,b){return a+b*").append(i % 97).append("}");
    }
    bundle.append("}();");
    return bundle.toString().getBytes(StandardCharsets.UTF_8);
  }

  private Cli.Run scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan"));
    all.addAll(List.of(args));
    return Cli.run(tmp, Analyzers.standard(), all.toArray(String[]::new));
  }

  @Test
  void reportsTheServerAndEveryProblemInTextMode() {
    Cli.Run run = scan();
    assertEquals(ExitCodes.FINDINGS, run.code(), run.err());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("server.js:3:") && l.contains("missing-upgrade-auth")),
        run.out());
    assertFalse(run.out().contains("app.bundle.js"), "the bundle is skipped by default");

    List<String> err = run.errLines();
    assertTrue(err.stream().anyMatch(l -> l.startsWith("binary.js") && l.endsWith("[binary-file]")), run.err());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("syntax-error.js")), run.err());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("invalid-utf8.js")), run.err());
    assertTrue(err.stream().anyMatch(l -> l.startsWith("nested/loop") && l.endsWith("[symlink-loop]")), run.err());
    if (lockedFileIsUnreadable) {
      assertTrue(err.stream().anyMatch(l -> l.startsWith("locked.js") && l.endsWith("[unreadable-file]")),
          run.err());
      assertFalse(run.out().contains("locked.js"), run.out());
    }
    assertFalse(err.stream().anyMatch(l -> l.startsWith("empty.js")), run.err());
    assertFalse(run.err().contains("[internal-error]"), run.err());
  }

  @Test
  void listsEveryProblemAsASarifNotification() throws IOException {
    Cli.Run run = scan("--format", "sarif");
    assertEquals(ExitCodes.FINDINGS, run.code(), run.err());
    assertEquals("", run.err());
    JsonNode sarifRun = new ObjectMapper().readTree(run.out()).path("runs").path(0);
    List<String> ruleIds = new ArrayList<>();
    sarifRun.path("results").forEach(r -> ruleIds.add(r.path("ruleId").asText()));
    assertTrue(ruleIds.contains("missing-upgrade-auth"), ruleIds.toString());

    String notifications = sarifRun.path("invocations").path(0).path("toolExecutionNotifications").toString();
    for (String expected : List.of("binary-file", "symlink-loop", "syntax-error.js", "binary.js", "nested/loop",
        "invalid-utf8.js")) {
      assertTrue(notifications.contains(expected), expected + " in " + notifications);
    }
    if (lockedFileIsUnreadable) {
      assertTrue(notifications.contains("unreadable-file"), notifications);
    }
    assertFalse(notifications.contains("internal-error"), notifications);
  }

  @Test
  void setsTheExitCodeFromFindingsAlone() {
    Cli.Run run = scan("--rules", "unverified-token");
    assertEquals(ExitCodes.OK, run.code(), run.out());
    assertTrue(run.err().contains("[binary-file]"), run.err());
  }

  @Test
  void givesByteIdenticalOutputTwice() {
    for (String format : List.of("text", "sarif", "json")) {
      Cli.Run first = scan("--format", format, "--threads", "1");
      Cli.Run second = scan("--format", format, "--threads", "4");
      assertEquals(first.out(), second.out(), format);
      assertEquals(first.err(), second.err(), format);
      assertEquals(first.code(), second.code(), format);
    }
  }

  @Test
  void scansTheMinifiedBundleWhenNamedWithoutStalling() {
    // generous: the limit is there to catch a hang, not to time the parser
    Cli.Run run = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> scan("public/app.bundle.js", "server.js"));
    assertNotEquals(ExitCodes.USAGE, run.code(), run.err());
    assertTrue(run.out().endsWith(" in 2 files\n"), run.out());
    assertFalse(run.err().contains("[internal-error]"), run.err());
  }
}
