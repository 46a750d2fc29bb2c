package dev.wsguard.js;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.TokenUse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs inline sources through the front end, as the engine would: analyse each file, then link them all. */
public final class JsSources {
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<Notification> linkNotifications = new ArrayList<>();
  private boolean verbose;

  public static JsSources of(String path, String text) {
    return new JsSources().with(path, text);
  }

  public JsSources with(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public JsSources withBytes(String path, byte[] bytes) {
    files.put(path, bytes);
    return this;
  }

  public JsSources verbose() {
    verbose = true;
    return this;
  }

  public List<FileAnalysis> analyses() {
    JsFrontEnd frontEnd = new JsFrontEnd();
    List<FileAnalysis> out = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      files.forEach((path, bytes) -> out.add(worker.analyze(new SourceFile(path, bytes))));
    }
    return out;
  }

  public List<FileFacts> link() {
    return new JsFrontEnd().link(analyses(), new LinkContext(verbose, linkNotifications::add));
  }

  public List<Notification> linkNotifications() {
    return linkNotifications;
  }

  public FileFacts facts(String path) {
    return link().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  /** The only endpoint of the first file. */
  public Endpoint endpoint() {
    List<Endpoint> all = link().stream().flatMap(f -> f.endpoints().stream()).toList();
    assertEquals(1, all.size(), "endpoints: " + all);
    return all.get(0);
  }

  public List<TokenUse> tokenUses() {
    return link().stream().flatMap(f -> f.tokenUses().stream()).toList();
  }

  /** The source text a location spans. */
  public String text(dev.wsguard.core.model.SourceLocation at) {
    byte[] bytes = files.get(at.path());
    return new String(bytes, at.startByte(), at.endByte() - at.startByte(), StandardCharsets.UTF_8);
  }

  /** The 1-based line of the first line of a file that contains {@code needle}. */
  public int line(String path, String needle) {
    String[] lines = new String(files.get(path), StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + needle);
  }

  // ---- small readers of the facts ----

  public static HandshakeGuard auth(Endpoint e, GuardPlace place) {
    return e.guards(GuardKind.AUTHENTICATION).stream().filter(g -> g.place() == place).findFirst()
        .orElseThrow(() -> new AssertionError("no " + place + " guard in " + e.guards()));
  }

  public static MessageHandler handler(Endpoint e, String type) {
    return e.handlers().stream().filter(h -> type == null ? h.messageType() == null : type.equals(h.messageType()))
        .findFirst().orElseThrow(() -> new AssertionError("no handler " + type + " in " + e.handlers()));
  }
}
