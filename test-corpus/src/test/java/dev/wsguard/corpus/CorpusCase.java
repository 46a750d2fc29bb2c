package dev.wsguard.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One unit of the corpus: a single file scanned alone, or a multi-file app (a folder directly under an
 * {@code apps/} folder) scanned as a whole so that imports between its files resolve.
 *
 * @param root the folder the scan is rooted at; finding paths are relative to it
 * @param scanPath what is scanned: the file, or the app folder
 * @param files the labelled files in the case (not the {@code .fixed} siblings)
 * @param language the corpus language folder ("js", "java")
 * @param framework the corpus framework folder ("ws", "socketio", ...)
 */
record CorpusCase(String name, Path root, Path scanPath, List<Path> files, String language, String framework) {

  static final Path CASES = Path.of("cases");
  private static final Set<String> SOURCE_ENDINGS =
      Set.of(".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".java");

  static List<CorpusCase> all() {
    List<CorpusCase> cases = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(CASES)) {
      List<Path> sources = walk.filter(Files::isRegularFile).filter(CorpusCase::isLabelled).sorted().toList();
      List<Path> apps = new ArrayList<>();
      for (Path file : sources) {
        Path app = appFolderOf(file);
        if (app == null) {
          cases.add(single(file));
        } else if (!apps.contains(app)) {
          apps.add(app);
        }
      }
      for (Path app : apps) {
        List<Path> files = sources.stream().filter(f -> f.startsWith(app)).toList();
        cases.add(new CorpusCase(name(app), app, app, files, segment(app, 1), segment(app, 2)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cases.sort((a, b) -> a.name().compareTo(b.name()));
    return cases;
  }

  static boolean isSource(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return SOURCE_ENDINGS.stream().anyMatch(n::endsWith);
  }

  /** Source files that carry markers: not the expected outputs of fix cases, not the Java API stubs. */
  static boolean isLabelled(Path file) {
    return isSource(file) && !isFixedOutput(file) && !file.startsWith(CASES.resolve("java").resolve("_stubs"));
  }

  static boolean isFixedOutput(Path file) {
    return file.getFileName().toString().contains(".fixed.");
  }

  /** The {@code .fixed} sibling of a fix case input: {@code x.js} -> {@code x.fixed.js}. */
  static Path fixedSibling(Path file) {
    String n = file.getFileName().toString();
    int dot = n.indexOf('.');
    return file.resolveSibling(n.substring(0, dot) + ".fixed" + n.substring(dot));
  }

  String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static CorpusCase single(Path file) {
    return new CorpusCase(name(file), file.getParent(), file, List.of(file), segment(file, 1), segment(file, 2));
  }

  private static Path appFolderOf(Path file) {
    for (Path p = file.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
      if (p.getParent().getFileName().toString().equals("apps")) {
        return p;
      }
    }
    return null;
  }

  private static String name(Path p) {
    return CASES.relativize(p).toString().replace('\\', '/');
  }

  private static String segment(Path p, int index) {
    return p.getNameCount() > index ? p.getName(index).toString() : "";
  }
}
