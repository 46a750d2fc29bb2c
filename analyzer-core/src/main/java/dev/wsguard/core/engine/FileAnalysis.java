package dev.wsguard.core.engine;

import java.util.List;

/**
 * What a front end extracted from one file before linking. Front ends subclass it with their own per-file facts
 * (unresolved helper calls, exported function summaries); the engine only reads what is here.
 */
public interface FileAnalysis {
  String path();

  /**
   * Files this one imports, relative to the scan root, that the engine should analyse too even if the prefilter
   * did not keep them (an imported verify helper). Only files under the scan root.
   */
  List<String> imports();

  /** Problems met while reading this file (syntax errors, unresolvable imports with --verbose). */
  List<Notification> notifications();

  /**
   * False when nothing this file holds depends on another file: no endpoint, no part of one, no token use. The
   * engine then follows its imports only once another analysed file imports it (and may need what it exports).
   * A file the prefilter kept for a word in a comment or an unrelated string costs its own parse, not its import
   * closure's.
   */
  default boolean needsImports() {
    return true;
  }
}
