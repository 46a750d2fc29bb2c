package dev.wsguard.java.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.Framework;
import dev.wsguard.java.unit.JavaUnit;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Renders fix intents for Java files: the file is parsed again, and the intent goes to the fixer of its endpoint's
 * framework (token uses, in any file, to the token fixer). A file that no longer parses cleanly gets no patch: an
 * edit computed over a partial tree could land anywhere.
 */
public final class JavaFixRenderer implements FixRenderer {
  private final Map<Framework, JavaFixer> fixers;
  private final JavaFixer tokens;
  private final ParserConfiguration configuration;
  /** The last file parsed: an endpoint's intents come one after the other and share its tree. */
  private SourceFile lastFile;
  private JavaEdits lastEdits;

  /**
   * @param fixers each framework's fixer; a framework without one gets no patch
   * @param tokens the fixer of {@link FixIntent.VerifyToken}, whatever the file's framework
   */
  public JavaFixRenderer(Map<Framework, JavaFixer> fixers, JavaFixer tokens, ParserConfiguration configuration) {
    this.fixers = Map.copyOf(fixers);
    this.tokens = tokens;
    this.configuration = configuration;
  }

  @Override
  public synchronized Optional<Fix> render(FixIntent intent, SourceFile file, FixContext context) {
    if (!file.path().endsWith(".java") || !intent.anchor().path().equals(file.path())) {
      return Optional.empty();
    }
    JavaFixer fixer = intent instanceof FixIntent.VerifyToken ? tokens : fixers.get(intent.endpoint() == null ? null : intent.endpoint().framework());
    if (fixer == null) {
      return Optional.empty();
    }
    JavaEdits edits = edits(file);
    return edits == null ? Optional.empty() : fixer.render(intent, edits, context);
  }


  private JavaEdits edits(SourceFile file) {
    if (lastFile == null || !lastFile.path().equals(file.path()) || lastFile.content() != file.content()) {
      // a parser per file: rendering is rare next to scanning, and a parser must not be shared between threads
      ParseResult<CompilationUnit> parsed = new JavaParser(configuration)
          .parse(new String(file.content(), StandardCharsets.UTF_8));
      lastEdits = parsed.isSuccessful() && parsed.getResult().isPresent()
          ? new JavaEdits(new JavaUnit(file.path(), file.content(), parsed.getResult().get()), file.content())
          : null;
      lastFile = file;
    }
    return lastEdits;
  }
}
