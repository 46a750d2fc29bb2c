package dev.wsguard.core.engine;

import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Consumer;

/**
 * Finds the files to scan under the given paths.
 *
 * <p>A folder walk honours .gitignore (see {@link IgnoreRules}), skips dependency and build-output folders and
 * minified bundles by name (the folder skips can be lifted for an audit of vendored code; {@code .git} never is),
 * applies the {@code --exclude} globs, and keeps only files some front end reads. A file
 * named on the command line skips the .gitignore and default checks (the user asked for it) but not the
 * {@code --exclude} globs, which the user also asked for, so a pre-commit hook that passes every staged file still
 * honours them.
 *
 * <p>Symbolic links met during a walk are never followed: a target inside the scanned tree is scanned under its own
 * path anyway, and one outside it must not widen the scan. A link that points back at a folder containing it, or
 * a chain of links that loops, is reported as {@code symlink-loop}. A symbolic link named on the command line is
 * followed, since the user named it.
 */
final class Discovery {
  /** Dependencies, version control and build output: never source that a server runs from. */
  static final Set<String> SKIPPED_FOLDERS =
      Set.of("node_modules", ".git", "dist", "build", "target", "out", ".next", "coverage");

  /** Version control internals: skipped even when the default skips are lifted. */
  private static final String VERSION_CONTROL_FOLDER = ".git";

  private static final List<String> MINIFIED_SUFFIXES = List.of(".min.js", ".min.mjs", ".min.cjs");
  private static final int MAX_LINK_HOPS = 40;

  /**
   * A file to read.
   *
   * @param file absolute
   * @param path relative to the scan root, '/' separators
   * @param named named on the command line: read even when it looks minified
   * @param imported pulled in by another file's imports: analysed without the prefilter
   */
  record Candidate(Path file, String path, FrontEnd frontEnd, boolean named, boolean imported) {}

  private final Path root;
  private final List<FrontEnd> frontEnds;
  private final ExcludeGlobs excludes;
  private final IgnoreRules ignores;
  private final Consumer<Notification> notifications;
  private final boolean verbose;
  private final boolean defaultSkips;
  private final int threads;

  /**
   * @param root absolute and normalised
   * @param defaultSkips skip {@link #SKIPPED_FOLDERS}; false skips only {@code .git}
   * @param threads how many folders are listed at once
   */
  Discovery(
      Path root, List<FrontEnd> frontEnds, List<String> excludes, Consumer<Notification> notifications,
      boolean verbose, boolean defaultSkips, int threads) {
    this.root = root;
    this.frontEnds = List.copyOf(frontEnds);
    this.excludes = new ExcludeGlobs(excludes);
    this.ignores = new IgnoreRules(root);
    this.notifications = notifications;
    this.verbose = verbose;
    this.defaultSkips = defaultSkips;
    this.threads = Math.max(1, threads);
  }

  Discovery(
      Path root, List<FrontEnd> frontEnds, List<String> excludes, Consumer<Notification> notifications,
      boolean verbose, boolean defaultSkips) {
    this(root, frontEnds, excludes, notifications, verbose, defaultSkips, 1);
  }

  /**
   * Every file to scan under {@code paths}, each once, sorted by relative path.
   *
   * @param paths files or folders inside the root; relative ones resolve against the working directory
   */
  List<Candidate> discover(List<Path> paths) {
    TreeMap<String, Candidate> found = new TreeMap<>();
    for (Path given : paths) {
      Path absolute = given.toAbsolutePath().normalize();
      if (!absolute.startsWith(root)) {
        throw new IllegalArgumentException("path " + given + " is outside the scan root " + root);
      }
      String path = relative(absolute);
      if (Files.isDirectory(absolute)) {
        walk(absolute, found);
      } else if (Files.isRegularFile(absolute)) {
        FrontEnd frontEnd = frontEndFor(absolute);
        if (frontEnd == null) {
          if (verbose) {
            notifications.accept(Notification.of(NotificationIds.SKIPPED_UNSUPPORTED, Level.NOTE, path,
                "no front end reads this kind of file"));
          }
        } else if (!excludes.excludes(root.relativize(absolute))) {
          found.put(path, new Candidate(absolute, path, frontEnd, true, false));
        }
      } else if (Files.isSymbolicLink(absolute) && endOfChain(absolute).isEmpty()) {
        notifications.accept(Notification.of(NotificationIds.SYMLINK_LOOP, Level.WARNING, path,
            "symbolic link loops back on itself; not followed"));
      } else if (!Files.exists(absolute)) {
        notifications.accept(
            Notification.of(NotificationIds.MISSING_PATH, Level.ERROR, path, "path does not exist"));
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The candidate for a file another file imports, when a walk would have kept it: inside the root, read by a
   * front end, and not in a skipped, excluded or ignored folder. Such files skip the prefilter.
   */
  Optional<Candidate> admitImport(String importPath) {
    Path file = root.resolve(importPath).normalize();
    if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    FrontEnd frontEnd = frontEndFor(file);
    if (frontEnd == null || minifiedByName(file)) {
      return Optional.empty();
    }
    for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
      if (skippedFolder(nameOf(dir)) || skippedByUser(dir, true)) {
        return Optional.empty();
      }
    }
    if (skippedByUser(file, false)) {
      return Optional.empty();
    }
    String path = relative(file);
    return Optional.of(new Candidate(file, path, frontEnd, false, true));
  }

  /** The first front end reading the file's extension; null when none does. */
  FrontEnd frontEndFor(Path file) {
    String name = nameOf(file).toLowerCase(Locale.ROOT);
    for (FrontEnd frontEnd : frontEnds) {
      for (String extension : frontEnd.extensions()) {
        if (name.endsWith(extension.toLowerCase(Locale.ROOT))) {
          return frontEnd;
        }
      }
    }
    return null;
  }

  /**
   * Walks a folder tree with one fork/join task per folder, so that listing folders and reading attributes, which
   * wait on the file system, overlap. Each task keeps its own findings and notifications; they are merged, and the
   * notifications delivered, on the calling thread, so the consumer need not be thread-safe. The result does not
   * depend on the order the tasks run in: candidates are keyed by path, notifications are sorted by the scan.
   */
  private void walk(Path start, TreeMap<String, Candidate> found) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      Walked walked = pool.invoke(new FolderWalk(this, start));
      walked.candidates.forEach(c -> found.putIfAbsent(c.path(), c));
      walked.notifications.forEach(notifications);
    } finally {
      pool.shutdown();
    }
  }

  /** What the walk of one folder tree found. */
  private static final class Walked {
    final List<Candidate> candidates = new ArrayList<>();
    final List<Notification> notifications = new ArrayList<>();

    void add(Walked other) {
      candidates.addAll(other.candidates);
      notifications.addAll(other.notifications);
    }
  }

  /** The walk of one folder; static, with its discovery as a field, since fork/join tasks are serializable. */
  private static final class FolderWalk extends RecursiveTask<Walked> {
    private static final long serialVersionUID = 1L;
    private final transient Discovery discovery;
    private final transient Path dir;

    FolderWalk(Discovery discovery, Path dir) {
      this.discovery = discovery;
      this.dir = dir;
    }

    @Override
    protected Walked compute() {
      Walked out = new Walked();
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (IOException e) {
        out.notifications.add(Notification.of(NotificationIds.UNREADABLE_FILE, Level.WARNING,
            discovery.relative(dir), "cannot list folder: " + Messages.oneLine(e, discovery.root)));
        return out;
      }
      List<Path> folders = new ArrayList<>();
      for (Path entry : entries) {
        discovery.visit(dir, entry, folders, out);
      }
      List<FolderWalk> forked = new ArrayList<>();
      for (Path folder : folders) {
        forked.add(new FolderWalk(discovery, folder));
      }
      invokeAll(forked);
      for (FolderWalk task : forked) {
        out.add(task.join());
      }
      return out;
    }
  }

  private void visit(Path dir, Path entry, List<Path> folders, Walked out) {
    Consumer<Notification> notifications = out.notifications::add;
    List<Candidate> found = out.candidates;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      notifications.accept(Notification.of(NotificationIds.UNREADABLE_FILE, Level.WARNING, relative(entry),
          Messages.oneLine(e, root)));
      return;
    }
    String name = nameOf(entry);
    if (attributes.isDirectory()) {
      if (!skippedFolder(name) && !skippedByUser(entry, true)) {
        folders.add(entry);
      }
    } else if (attributes.isSymbolicLink()) {
      if (!skippedByUser(entry, false)) {
        reportSymlink(dir, entry, notifications);
      }
    } else if (attributes.isRegularFile()) {
      FrontEnd frontEnd = frontEndFor(entry);
      if (frontEnd == null || skippedByUser(entry, false)) {
        return;
      }
      String path = relative(entry);
      if (minifiedByName(entry)) {
        if (verbose) {
          notifications.accept(Notification.of(NotificationIds.SKIPPED_MINIFIED, Level.NOTE, path,
              "minified bundle skipped; name the file to scan it"));
        }
        return;
      }
      found.add(new Candidate(entry, path, frontEnd, false, false));
    }
    // sockets, pipes and devices are never read: reading a pipe could block the scan
  }

  private boolean skippedFolder(String name) {
    return defaultSkips ? SKIPPED_FOLDERS.contains(name) : name.equals(VERSION_CONTROL_FOLDER);
  }

  private boolean skippedByUser(Path file, boolean directory) {
    return excludes.excludes(root.relativize(file)) || ignores.isIgnored(file, directory);
  }

  /**
   * Reports a link the walk does not follow when it matters: always when it loops, and with --verbose when it
   * names a file a front end reads or a folder, so that the user learns why it was not scanned.
   */
  private void reportSymlink(Path dir, Path link, Consumer<Notification> notifications) {
    String path = relative(link);
    Optional<Path> end = endOfChain(link);
    if (end.isEmpty()) {
      notifications.accept(Notification.of(NotificationIds.SYMLINK_LOOP, Level.WARNING, path,
          "symbolic link loops back on itself; not followed"));
      return;
    }
    Path target;
    try {
      target = end.get().toRealPath();
    } catch (IOException e) {
      if (verbose && frontEndFor(link) != null) {
        notifications.accept(Notification.of(NotificationIds.SKIPPED_SYMLINK, Level.NOTE, path,
            "symbolic link to a missing target skipped"));
      }
      return;
    }
    boolean folder = Files.isDirectory(target);
    if (folder && encloses(target, dir)) {
      notifications.accept(Notification.of(NotificationIds.SYMLINK_LOOP, Level.WARNING, path,
          "symbolic link points to a folder that contains it; not followed"));
    } else if (verbose && (folder || frontEndFor(link) != null)) {
      notifications.accept(Notification.of(NotificationIds.SKIPPED_SYMLINK, Level.NOTE, path,
          "symbolic links are not followed; a target inside the scanned tree is scanned under its own path"));
    }
  }

  private static boolean encloses(Path realFolder, Path dir) {
    try {
      return dir.toRealPath().startsWith(realFolder);
    } catch (IOException e) {
      return false;
    }
  }

  /** Where a chain of links ends, without following folders; empty when the chain loops. */
  private static Optional<Path> endOfChain(Path link) {
    Set<Path> seen = new HashSet<>();
    Path current = link.toAbsolutePath().normalize();
    try {
      while (Files.isSymbolicLink(current)) {
        if (!seen.add(current) || seen.size() > MAX_LINK_HOPS) {
          return Optional.empty();
        }
        current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
      }
    } catch (IOException e) {
      return Optional.of(current);
    }
    return Optional.of(current);
  }

  /** The last name of a path; empty for a root, which has none. */
  private static String nameOf(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  private static boolean minifiedByName(Path file) {
    String name = nameOf(file).toLowerCase(Locale.ROOT);
    return MINIFIED_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private String relative(Path absolute) {
    return IgnoreRules.slashed(root.relativize(absolute));
  }
}
