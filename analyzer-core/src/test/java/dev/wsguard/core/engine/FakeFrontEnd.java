package dev.wsguard.core.engine;

import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.rule.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A front end for engine tests, reading ".fake" files (or the given extensions) line by line: {@code ENDPOINT} declares an endpoint where the
 * word starts, {@code TOKEN} a decode-only token use, {@code IMPORT <path>} an import, {@code STANDALONE} says the
 * file needs none of its imports, {@code BOOM} makes the analysis throw, {@code SYNTAX} adds a parse-error
 * notification. Its trigger word is "ws".
 */
class FakeFrontEnd implements FrontEnd {
  final AtomicInteger workersCreated = new AtomicInteger();
  final AtomicInteger workersClosed = new AtomicInteger();
  final Set<String> threadsUsed = ConcurrentHashMap.newKeySet();
  final List<String> analysed = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> extensions;

  FakeFrontEnd() {
    this(".fake");
  }

  FakeFrontEnd(String... extensions) {
    this.extensions = Set.of(extensions);
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public Set<String> extensions() {
    return extensions;
  }

  @Override
  public List<String> triggerWords() {
    return List.of("ws");
  }

  @Override
  public Worker newWorker() {
    workersCreated.incrementAndGet();
    return new Worker() {
      @Override
      public FileAnalysis analyze(SourceFile file) {
        threadsUsed.add(Thread.currentThread().getName());
        analysed.add(file.path());
        return FakeAnalysis.of(file);
      }

      @Override
      public void close() {
        workersClosed.incrementAndGet();
      }
    };
  }

  @Override
  public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
    List<FileFacts> facts = new ArrayList<>();
    for (FileAnalysis analysis : analyses) {
      FakeAnalysis fake = (FakeAnalysis) analysis;
      facts.add(new FileFacts(fake.path(), Language.JAVASCRIPT, fake.endpoints, fake.tokenUses));
    }
    return facts;
  }

  /** Renders every intent as a comment inserted where its anchor starts. */
  @Override
  public FixRenderer fixRenderer() {
    return (intent, file, context) -> {
      SourceLocation at = intent.anchor();
      SourceLocation point = new SourceLocation(at.path(), at.startLine(), at.startColumn(), at.startLine(),
          at.startColumn(), at.startByte(), at.startByte());
      String label = intent instanceof FixIntent.AddUpgradeAuth ? "auth" : "other";
      return Optional.of(new Fix("add " + label, List.of(new TextEdit(point, "/* " + label + " */"))));
    };
  }

  record FakeAnalysis(String path, List<String> imports, List<Notification> notifications,
      List<Endpoint> endpoints, List<TokenUse> tokenUses, boolean standalone) implements FileAnalysis {

    @Override
    public boolean needsImports() {
      return !standalone;
    }

    static FakeAnalysis of(SourceFile file) {
      String text = new String(file.content(), StandardCharsets.UTF_8);
      List<String> imports = new ArrayList<>();
      List<Notification> notes = new ArrayList<>();
      List<Endpoint> endpoints = new ArrayList<>();
      List<TokenUse> tokens = new ArrayList<>();
      int offset = 0;
      int lineNo = 0;
      for (String line : text.split("\n", -1)) {
        lineNo++;
        if (line.contains("BOOM")) {
          throw new IllegalStateException("fake parser exploded\nsecond line");
        }
        if (line.contains("SYNTAX")) {
          notes.add(new Notification("parse-error", Level.WARNING, file.path(), lineNo, "syntax error"));
        }
        int endpoint = line.indexOf("ENDPOINT");
        if (endpoint >= 0) {
          endpoints.add(endpoint(location(file.path(), lineNo, endpoint, 8, offset)));
        }
        int token = line.indexOf("TOKEN");
        if (token >= 0) {
          tokens.add(new TokenUse(location(file.path(), lineNo, token, 5, offset), "fake.decode", false, true,
              false, null, null));
        }
        if (line.startsWith("IMPORT ")) {
          imports.add(line.substring("IMPORT ".length()).strip());
        }
        offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      return new FakeAnalysis(file.path(), imports, notes, endpoints, tokens, text.contains("STANDALONE"));
    }

    private static SourceLocation location(String path, int line, int column0, int length, int lineOffset) {
      return new SourceLocation(path, line, column0 + 1, line, column0 + 1 + length, lineOffset + column0,
          lineOffset + column0 + length);
    }

    static Endpoint endpoint(SourceLocation at) {
      return new Endpoint(Framework.WS, Language.JAVASCRIPT, at, List.of(), List.of(), Set.of(),
          OriginPolicy.anyByDefault("ws"), List.of(), List.of(), Limits.NONE, List.of());
    }
  }
}
