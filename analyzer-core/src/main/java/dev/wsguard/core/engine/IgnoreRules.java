package dev.wsguard.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Git's ignore rules for any file under the scan: every {@code .gitignore} from the repository's top folder down to
 * the file's folder, then {@code .git/info/exclude}. Matching is JGit's; this class only decides which files apply
 * and in which order (the deepest file with a matching rule wins, as in git). Outside a repository the
 * {@code .gitignore} files from the scan root down still apply. The user's global excludes file does not: the same
 * tree must give the same scan on every machine.
 */
final class IgnoreRules {
  private final Path root;
  // read by every folder task of a parallel walk
  private final Map<Path, Optional<IgnoreNode>> nodes = new ConcurrentHashMap<>();
  private final Map<Path, Optional<Path>> tops = new ConcurrentHashMap<>();

  /** @param root absolute and normalised */
  IgnoreRules(Path root) {
    this.root = root;
  }

  /** @param file absolute and normalised */
  boolean isIgnored(Path file, boolean directory) {
    Path parent = file.getParent();
    if (parent == null) {
      return false;
    }
    Path top = topOf(parent);
    List<Path> folders = new ArrayList<>();
    for (Path dir = parent; dir != null && dir.startsWith(top); dir = dir.getParent()) {
      folders.add(dir);
    }
    for (Path dir : folders) {
      Optional<IgnoreNode> node = nodeOf(dir, dir.resolve(".gitignore"));
      if (node.isPresent()) {
        Boolean ignored = node.get().checkIgnored(slashed(dir.relativize(file)), directory);
        if (ignored != null) {
          return ignored;
        }
      }
    }
    // a worktree's .git is a file, so its info/exclude simply does not exist
    Path git = top.resolve(".git");
    Optional<IgnoreNode> exclude = nodeOf(git, git.resolve("info").resolve("exclude"));
    if (exclude.isPresent()) {
      Boolean ignored = exclude.get().checkIgnored(slashed(top.relativize(file)), directory);
      return ignored != null && ignored;
    }
    return false;
  }

  /** The repository's top folder (the nearest holding a {@code .git} entry); outside one, the scan root. */
  private Path topOf(Path dir) {
    return repositoryTop(dir).orElse(dir.startsWith(root) ? root : dir);
  }

  /** The nearest folder holding a {@code .git} entry: a folder, or a file in worktrees and submodules. */
  private Optional<Path> repositoryTop(Path dir) {
    Optional<Path> cached = tops.get(dir);
    if (cached != null) {
      return cached;
    }
    Optional<Path> top;
    if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      top = Optional.of(dir);
    } else {
      top = dir.getParent() == null ? Optional.empty() : repositoryTop(dir.getParent());
    }
    tops.put(dir, top);
    return top;
  }

  private Optional<IgnoreNode> nodeOf(Path key, Path rulesFile) {
    return nodes.computeIfAbsent(key, k -> load(rulesFile));
  }

  /** An unreadable ignore file is treated as absent: it can only make the scan wider, never break it. */
  private static Optional<IgnoreNode> load(Path rulesFile) {
    if (!Files.isRegularFile(rulesFile)) {
      return Optional.empty();
    }
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = Files.newInputStream(rulesFile)) {
      node.parse(rulesFile.toString(), in);
    } catch (IOException e) {
      return Optional.empty();
    }
    return node.getRules().isEmpty() ? Optional.empty() : Optional.of(node);
  }

  static String slashed(Path relative) {
    StringBuilder out = new StringBuilder();
    for (Path name : relative) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(name);
    }
    return out.toString();
  }
}
