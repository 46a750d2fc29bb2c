package dev.wsguard.core.report;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.engine.ScanStats;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.rule.Confidence;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Rule;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.Tag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A hand-built scan for the report writers' tests: two fake rules (docs pages under test resources), three findings
 * over two files (one with a space and a non-ASCII letter in its path), related locations, a fix whose edits span
 * two files, and notifications. Locations are computed from the source texts below, so lines, columns and byte
 * offsets agree the way a front end's would.
 */
public final class SampleScan {
  /** Not a path of any machine: it only has to be absolute. */
  public static final Path ROOT = Path.of("/home/dev/chat-app");

  public static final String SERVER_PATH = "src/server.js";
  public static final String SERVER = """
      const { WebSocketServer } = require('ws');
      const { verifyToken } = require('./auth/verify');

      const wss = new WebSocketServer({ port: 8080 });
      wss.on('connection', (socket) => {
        socket.on('message', () => {
          for (const client of wss.clients) {
            client.send(JSON.stringify(users));
          }
        });
      });
      """;

  public static final String VERIFY_PATH = "src/auth/verify.js";
  public static final String VERIFY = """
      const jwt = require('jsonwebtoken');
      exports.verifyToken = (token) => jwt.decode(token);
      """;

  public static final String ROOM_PATH = "src/räume/chat room.js";
  public static final String ROOM = """
      // Räume – rooms
      io.on('connection', () => { io.emit('users', listUsers()); });
      """;

  private SampleScan() {}

  @RuleInfo(
      id = "sample-upgrade-auth",
      summary = "Sample endpoint accepts connections without authenticating the handshake",
      cwe = 306,
      level = Level.ERROR,
      tags = {Tag.AUTHENTICATION},
      fix = FixKind.SUGGESTED,
      precision = Precision.HIGH,
      securitySeverity = "9.1")
  public static final class SampleUpgradeAuth implements Rule {}

  @RuleInfo(
      id = "sample-broadcast",
      summary = "Sample send reaches every connection",
      cwe = 200,
      level = Level.WARNING,
      tags = {Tag.DATA_EXPOSURE, Tag.CSWSH},
      fix = FixKind.NONE,
      precision = Precision.MEDIUM,
      securitySeverity = "5.3")
  public static final class SampleBroadcast implements Rule {}

  public static ScanResult result() {
    SourceLocation declaration = span(SERVER_PATH, SERVER, "new WebSocketServer(");
    Endpoint endpoint = new Endpoint(Framework.WS, Language.JAVASCRIPT, declaration, List.of(), List.of(), Set.of(),
        OriginPolicy.anyByDefault("ws"), List.of(), List.of(), Limits.NONE, List.of());
    FixIntent intent = new FixIntent.AddUpgradeAuth(endpoint);
    Fix fix = new Fix("Authenticate at the upgrade and answer 401 until a verifier is wired up", List.of(
        new TextEdit(span(SERVER_PATH, SERVER, "port: 8080"), "noServer: true"),
        new TextEdit(insertionBefore(SERVER_PATH, SERVER, "wss.on("),
            "server.on('upgrade', (req, socket) => {\n  socket.end('HTTP/1.1 401 Unauthorized\\r\\n\\r\\n');\n});\n"),
        new TextEdit(span(VERIFY_PATH, VERIFY, "jwt.decode(token)"), "jwt.verify(token, process.env.JWT_SECRET)")));

    List<Finding> findings = new ArrayList<>(List.of(
        new Finding("sample-upgrade-auth", Level.ERROR, "decoded-only",
            "The endpoint accepts connections after verifyToken, which only decodes the token", declaration,
            List.of(
                new RelatedLocation(span(SERVER_PATH, SERVER, "verifyToken"), "verifyToken is imported here"),
                new RelatedLocation(span(VERIFY_PATH, VERIFY, "jwt.decode(token)"),
                    "verifyToken decodes the token without checking its signature")),
            Confidence.HIGH, intent, fix, "3f2a9c1d7e4b5a60"),
        new Finding("sample-broadcast", Level.NOTE, "unknown-payload",
            "A send of data wsguard could not classify (JSON.stringify(users)) reaches every connection",
            span(SERVER_PATH, SERVER, "client.send("),
            List.of(new RelatedLocation(span(SERVER_PATH, SERVER, "wss.clients"), "the loop over every client")),
            Confidence.MEDIUM, null, null, "9b81f0c2d4e6a713"),
        new Finding("sample-broadcast", Level.WARNING, "sensitive-payload",
            "Sends \"users\" (listUsers()) to every connection – a user list is not public",
            span(ROOM_PATH, ROOM, "io.emit("), List.of(), Confidence.HIGH, null, null, "05c7e2a9b3d1f864")));
    findings.sort(Finding.ORDER);

    List<Notification> notifications = new ArrayList<>(List.of(
        new Notification("parse-error", Level.WARNING, "src/broken.js", 3, "Parse error. Found \";\""),
        Notification.of("unreadable-file", Level.ERROR, "src/locked.js", "cannot read the file: permission denied")));
    notifications.sort(Notification.ORDER);

    return new ScanResult(ROOT, List.of(new SampleUpgradeAuth(), new SampleBroadcast()), findings, notifications, 12,
        new ScanStats(40, 12, 51_234, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000));
  }

  /** The first occurrence of {@code needle} in {@code text}, located as a front end would. */
  public static SourceLocation span(String path, String text, String needle) {
    int start = text.indexOf(needle);
    if (start < 0) {
      throw new IllegalArgumentException(needle + " not in " + path);
    }
    return locate(path, text, start, start + needle.length());
  }

  /** An empty span just before {@code needle}: where an insertion goes. */
  public static SourceLocation insertionBefore(String path, String text, String needle) {
    int start = text.indexOf(needle);
    return locate(path, text, start, start);
  }

  private static SourceLocation locate(String path, String text, int start, int end) {
    return new SourceLocation(path, line(text, start), column(text, start), line(text, end), column(text, end),
        bytes(text.substring(0, start)), bytes(text.substring(0, end)));
  }

  private static int line(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  // columns count UTF-16 code units, as Java's String indexes do
  private static int column(String text, int offset) {
    return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
  }

  private static int bytes(String prefix) {
    return prefix.getBytes(StandardCharsets.UTF_8).length;
  }
}
