package dev.wsguard.java;

import com.github.javaparser.ParserConfiguration;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Language;
import dev.wsguard.java.fix.JavaFixRenderer;
import dev.wsguard.java.frameworks.JavaFrameworks;
import dev.wsguard.java.link.JavaLinker;
import dev.wsguard.java.unit.PackageName;
import java.util.List;
import java.util.Set;

/**
 * The Java front end: parses Java files (up to Java 21 syntax), runs every framework package's recogniser over
 * each, links their facts across the project into {@link FileFacts}, and renders patches through each framework
 * package's fixer.
 */
public final class JavaFrontEnd implements FrontEnd {
  private final FixRenderer fixes = new JavaFixRenderer(JavaFrameworks.fixers(), JavaFrameworks.tokenFixer(),
      new ParserConfiguration().setLanguageLevel(JavaWorker.LANGUAGE_LEVEL));

  /**
   * The WebSocket server APIs and JWT libraries whose package names make a Java file worth parsing. Package
   * prefixes, so that one word matches an import of any class beneath them.
   */
  static final List<String> TRIGGER_WORDS = List.of(
      "javax.websocket",
      "jakarta.websocket",
      "org.springframework.web.socket",
      "org.springframework.messaging",
      // Spring WebFlux: reactive WebSocketHandler, HandshakeInfo, WebSocketHandlerAdapter, and the
      // SimpleUrlHandlerMapping that maps URLs to handlers (often in a configuration class of its own)
      "org.springframework.web.reactive.socket",
      "org.springframework.web.reactive.handler",
      // security configuration (filter chains, message security) and Spring's JwtDecoder
      "org.springframework.security",
      "org.java_websocket",
      "io.netty.handler.codec.http.websocketx",
      "io.quarkus.websockets",
      "io.micronaut.websocket",
      "io.jsonwebtoken",
      "com.auth0.jwt",
      "com.nimbusds.jwt",
      "com.nimbusds.jose",
      // a JWT payload decoded by hand: Base64.getUrlDecoder().decode(token.split("\\.")[1])
      "Base64.getUrlDecoder",
      "Base64.getDecoder");

  /**
   * The API packages among the trigger words: a file that declares one of them (or a package beneath) is that
   * framework's or library's own source, not an app's.
   */
  static final List<String> LIBRARY_PACKAGES =
      TRIGGER_WORDS.stream().filter(w -> w.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+")).toList();

  @Override
  public String name() {
    return "java";
  }

  @Override
  public Set<String> extensions() {
    // configuration files are read only when a Java file that may matter imports them (its module's
    // application.properties / application.yml / WEB-INF/web.xml) or when they name a trigger word themselves
    return Set.of(".java", ".properties", ".yml", ".yaml", "web.xml");
  }

  @Override
  public List<String> triggerWords() {
    return TRIGGER_WORDS;
  }

  @Override
  public boolean isLibrarySource(byte[] content) {
    String declared = PackageName.of(content);
    return declared != null
        && LIBRARY_PACKAGES.stream().anyMatch(p -> declared.equals(p) || declared.startsWith(p + "."));
  }

  @Override
  public Worker newWorker() {
    return new JavaWorker();
  }

  @Override
  public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
    return JavaLinker.link(analyses, context);
  }

  /** Each framework package's patch writer, over the file parsed again at the scan's language level. */
  @Override
  public FixRenderer fixRenderer() {
    return fixes;
  }
}
