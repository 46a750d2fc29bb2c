package dev.wsguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folder report paths are relative to (SARIF's {@code %SRCROOT%}): the working directory when every scanned path
 * lies under it, as in CI and pre-commit runs from the repository top; otherwise the deepest folder holding every
 * scanned path.
 */
final class ScanRoot {
  private ScanRoot() {}

  /**
   * @param paths absolute and normalised
   * @param workingDirectory absolute and normalised
   * @return empty when the paths share no folder (different drives)
   */
  static Optional<Path> of(List<Path> paths, Path workingDirectory) {
    if (paths.stream().allMatch(p -> p.startsWith(workingDirectory))) {
      return Optional.of(workingDirectory);
    }
    Path common = null;
    for (Path path : paths) {
      Path folder = Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
      common = common == null ? folder : commonAncestor(common, folder);
      if (common == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(common);
  }

  private static Path commonAncestor(Path a, Path b) {
    Path candidate = a;
    while (candidate != null && !b.startsWith(candidate)) {
      candidate = candidate.getParent();
    }
    return candidate;
  }
}
