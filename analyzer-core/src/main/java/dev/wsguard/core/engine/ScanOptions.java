package dev.wsguard.core.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What to scan and how.
 *
 * @param root the folder that report paths are relative to (SARIF {@code %SRCROOT%})
 * @param paths files or folders to scan; a file named here is scanned even when the default skips would leave it
 * @param ruleIds the rules to run; empty runs all
 * @param excludes glob patterns, on top of .gitignore and the default skips
 * @param threads parser threads; 0 chooses from the available processors
 * @param verbose report unresolved imports and skipped files as notifications
 * @param defaultSkips skip dependency and build-output folders ({@code node_modules}, {@code dist}, ...) during a
 *     walk; false walks into them too (an audit of vendored code), though {@code .git} is always skipped
 */
public record ScanOptions(
    Path root, List<Path> paths, Set<String> ruleIds, List<String> excludes, int threads, boolean verbose,
    boolean defaultSkips) {
  public ScanOptions {
    paths = List.copyOf(paths);
    ruleIds = Set.copyOf(ruleIds);
    excludes = List.copyOf(excludes);
  }

  /** With the default skips on. */
  public ScanOptions(
      Path root, List<Path> paths, Set<String> ruleIds, List<String> excludes, int threads, boolean verbose) {
    this(root, paths, ruleIds, excludes, threads, verbose, true);
  }
}
