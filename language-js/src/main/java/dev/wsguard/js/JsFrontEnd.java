package dev.wsguard.js;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.js.analysis.ApiTables;
import dev.wsguard.js.fix.JsFixRenderer;
import dev.wsguard.js.link.Linker;
import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.JsParser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JavaScript and TypeScript front end: tree-sitter parsing, the {@code ws} recogniser, token uses in any file,
 * and linking across modules, and the suggested patches of the frameworks that have a fixer.
 */
public final class JsFrontEnd implements FrontEnd {
  private final JsFixRenderer fixes = new JsFixRenderer();

  @Override
  public String name() {
    return "javascript";
  }

  @Override
  public Set<String> extensions() {
    Set<String> out = new LinkedHashSet<>();
    for (JsGrammar grammar : JsGrammar.values()) {
      out.addAll(List.of(grammar.extensions()));
    }
    return Set.copyOf(out);
  }

  @Override
  public List<String> triggerWords() {
    return ApiTables.get().triggerWords();
  }

  @Override
  public Worker newWorker() {
    return new JsWorker();
  }

  @Override
  public List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
    return Linker.link(analyses, context);
  }

  @Override
  public FixRenderer fixRenderer() {
    return fixes;
  }

  /** One thread's parsers. */
  private static final class JsWorker implements Worker {
    private final JsParser parser = new JsParser();
    private final JsAnalyzer analyzer = new JsAnalyzer(parser);

    @Override
    public FileAnalysis analyze(SourceFile file) {
      return analyzer.analyze(file);
    }

    @Override
    public void close() {
      parser.close();
    }
  }
}
