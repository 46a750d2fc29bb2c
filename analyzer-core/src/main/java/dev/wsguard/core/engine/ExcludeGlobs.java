package dev.wsguard.core.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's {@code --exclude} globs, in {@link java.nio.file.FileSystem#getPathMatcher} glob syntax, matched against
 * paths relative to the scan root. A glob without a '/' also matches a bare file or folder name anywhere, as in
 * .gitignore ({@code *.test.js}, {@code generated}); a trailing '/' is dropped.
 */
final class ExcludeGlobs {
  private final List<PathMatcher> relativeMatchers = new ArrayList<>();
  private final List<PathMatcher> nameMatchers = new ArrayList<>();

  /** @throws java.util.regex.PatternSyntaxException for a malformed glob */
  ExcludeGlobs(List<String> globs) {
    for (String raw : globs) {
      String glob = raw.endsWith("/") && raw.length() > 1 ? raw.substring(0, raw.length() - 1) : raw;
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      relativeMatchers.add(matcher);
      if (glob.indexOf('/') < 0) {
        nameMatchers.add(matcher);
      }
    }
  }

  /** @param relative a file or folder, relative to the scan root */
  boolean excludes(Path relative) {
    for (PathMatcher matcher : relativeMatchers) {
      if (matcher.matches(relative)) {
        return true;
      }
    }
    Path name = relative.getFileName();
    if (name != null) {
      for (PathMatcher matcher : nameMatchers) {
        if (matcher.matches(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
