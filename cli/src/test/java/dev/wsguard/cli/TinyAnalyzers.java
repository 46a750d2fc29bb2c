package dev.wsguard.cli;

import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.SourceFile;
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
import dev.wsguard.core.rule.EndpointCheck;
import dev.wsguard.core.rule.FixKind;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.MessageVariant;
import dev.wsguard.core.rule.Precision;
import dev.wsguard.core.rule.Reporter;
import dev.wsguard.core.rule.RuleInfo;
import dev.wsguard.core.rule.TokenUseCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny front end and two rules, so command tests do not depend on the real parsers: in ".tiny" files containing
 * "ws", a line with {@code ENDPOINT} declares an endpoint (rule tiny-endpoint, level error) and a line with
 * {@code TOKEN} a token use (rule tiny-token, level note).
 */
final class TinyAnalyzers {
  private TinyAnalyzers() {}

  static Analyzers create() {
    return new Analyzers(() -> List.of(new TinyFrontEnd()), List.of(new TinyEndpoint(), new TinyToken()));
  }

  enum Variant implements MessageVariant {
    FOUND("found {what}");

    private final String template;

    Variant(String template) {
      this.template = template;
    }

    @Override
    public String template() {
      return template;
    }
  }

  @RuleInfo(id = "tiny-endpoint", summary = "Tiny endpoint found", cwe = 306, level = Level.ERROR, tags = {},
      fix = FixKind.NONE, precision = Precision.HIGH, securitySeverity = "9.0")
  static final class TinyEndpoint implements EndpointCheck {
    @Override
    public void check(Endpoint endpoint, Reporter report) {
      report.at(endpoint.declaration()).variant(Variant.FOUND, "an endpoint").emit();
    }
  }

  @RuleInfo(id = "tiny-token", summary = "Tiny token found", cwe = 347, level = Level.NOTE, tags = {},
      fix = FixKind.NONE, precision = Precision.HIGH, securitySeverity = "3.0")
  static final class TinyToken implements TokenUseCheck {
    @Override
    public void check(TokenUse use, Reporter report) {
      report.at(use.location()).variant(Variant.FOUND, "a token").fix(new FixIntent.VerifyToken(use)).emit();
    }
  }

  record TinyAnalysis(String path, List<Endpoint> endpoints, List<TokenUse> tokens) implements FileAnalysis {
    @Override
    public List<String> imports() {
      return List.of();
    }

    @Override
    public List<Notification> notifications() {
      return List.of();
    }
  }

  static final class TinyFrontEnd implements FrontEnd {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public Set<String> extensions() {
      return Set.of(".tiny");
    }

    @Override
    public List<String> triggerWords() {
      return List.of("ws");
    }

    @Override
    public Worker newWorker() {
      return new Worker() {
        @Override
        public FileAnalysis analyze(SourceFile file) {
          List<Endpoint> endpoints = new ArrayList<>();
          List<TokenUse> tokens = new ArrayList<>();
          String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\n", -1);
          int offset = 0;
          for (int i = 0; i < lines.length; i++) {
            SourceLocation at = new SourceLocation(file.path(), i + 1, 1, i + 1, 2, offset, offset + 1);
            if (lines[i].contains("ENDPOINT")) {
              endpoints.add(new Endpoint(Framework.WS, Language.JAVASCRIPT, at, List.of(), List.of(), Set.of(),
                  OriginPolicy.anyByDefault("ws"), List.of(), List.of(), Limits.NONE, List.of()));
            }
            if (lines[i].contains("TOKEN")) {
              tokens.add(new TokenUse(at, "tiny.decode", false, true, false, null, null));
            }
            offset += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
          }
          return new TinyAnalysis(file.path(), endpoints, tokens);
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
      return analyses.stream()
          .map(a -> (TinyAnalysis) a)
          .map(a -> new FileFacts(a.path(), Language.JAVASCRIPT, a.endpoints(), a.tokens()))
          .toList();
    }

    @Override
    public FixRenderer fixRenderer() {
      return TinyFrontEnd::render;
    }

    /** Rewrites the line's TOKEN as VERIFIED and inserts a comment line above it. */
    private static Optional<Fix> render(FixIntent intent, SourceFile file, FixContext context) {
      if (!(intent instanceof FixIntent.VerifyToken v)) {
        return Optional.empty();
      }
      String text = new String(file.content(), StandardCharsets.UTF_8);
      SourceLocation line = v.use().location();
      int lineStart = line.startByte();
      int lineChar = new String(file.content(), 0, lineStart, StandardCharsets.UTF_8).length();
      int token = text.indexOf("TOKEN", lineChar);
      int tokenByte = text.substring(0, token).getBytes(StandardCharsets.UTF_8).length;
      // one edit from the line's start through the word: the inserted line and the rewrite cannot overlap
      String prefix = text.substring(lineChar, token);
      return Optional.of(new Fix("verify the token", List.of(new TextEdit(
          new SourceLocation(file.path(), 1, 1, 1, 1, lineStart, tokenByte + 5),
          "# verified below\n" + prefix + "VERIFIED"))));
    }
  }
}
