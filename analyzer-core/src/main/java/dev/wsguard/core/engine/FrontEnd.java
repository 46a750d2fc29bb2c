package dev.wsguard.core.engine;

import dev.wsguard.core.fix.FixRenderer;
import dev.wsguard.core.model.FileFacts;
import java.util.List;
import java.util.Set;

/**
 * A language front end: it turns files into facts of the shared model. It knows syntax and frameworks and never
 * decides what is a vulnerability.
 */
public interface FrontEnd {
  /** "javascript", "java". */
  String name();

  /** File name endings it reads, with the dot (".js", ".ts"). */
  Set<String> extensions();

  /**
   * Words whose presence in a file's bytes means it may matter (framework imports, verify and decode APIs). A file
   * with none of them is never parsed, unless another analysed file imports it.
   */
  List<String> triggerWords();

  /**
   * True for a file that is the source of a recognised framework or library itself (a Java file declaring a package
   * of the WebSocket API it implements): it names the trigger words because it implements them, and it is no app's
   * code. Such a file is analysed only when an analysed file imports it.
   */
  default boolean isLibrarySource(byte[] content) {
    return false;
  }

  /**
   * Parser state for one worker thread. The engine creates one per thread and calls it from that thread only, so
   * a worker needs no locks.
   */
  Worker newWorker();

  /** Links per-file analyses (imports, cross-file helpers, configuration) into model facts, one per file. */
  List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context);

  /** Renders fix intents for endpoints and token uses in this front end's files. */
  FixRenderer fixRenderer();

  /** One thread's parser. */
  interface Worker extends AutoCloseable {
    /** Never throws for bad input: problems go into the analysis's notifications. */
    FileAnalysis analyze(SourceFile file);

    @Override
    void close();
  }
}
