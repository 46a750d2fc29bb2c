package dev.wsguard.core.engine;

import dev.wsguard.core.engine.Discovery.Candidate;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One file's way through the scan, on a parser thread: read the bytes, skip binary files and minified bundles, apply
 * the prefilter, analyse. Nothing in a file can stop the scan: every failure becomes a notification.
 */
final class FilePipeline {
  /** Larger files are skipped: no hand-written server file comes near, and reading one whole must stay cheap. */
  static final long MAX_FILE_BYTES = 32L << 20;

  enum Status {
    /** Parsed and analysed. */
    ANALYSED,
    /** Read, but the prefilter found no trigger word: an import may still pull it in. */
    NOT_KEPT,
    /** Empty, binary, too large, minified or unreadable: never retried. */
    SKIPPED
  }

  /**
   * @param file the bytes, kept only for files that were analysed
   * @param analysis the front end's analysis, when ANALYSED
   */
  record Outcome(Candidate candidate, Status status, SourceFile file, FileAnalysis analysis) {}

  private final Path root;
  private final Map<FrontEnd, Prefilter> prefilters = new IdentityHashMap<>();
  private final Consumer<Notification> notifications;
  private final boolean verbose;
  private final PhaseTimes times;

  FilePipeline(
      Path root, List<FrontEnd> frontEnds, Consumer<Notification> notifications, boolean verbose, PhaseTimes times) {
    this.root = root;
    for (FrontEnd frontEnd : frontEnds) {
      prefilters.put(frontEnd, new Prefilter(frontEnd.triggerWords()));
    }
    this.notifications = notifications;
    this.verbose = verbose;
    this.times = times;
  }

  Outcome process(Candidate candidate, ParseScheduler.Workers workers) {
    try {
      return processUnguarded(candidate, workers);
    } catch (RuntimeException | StackOverflowError e) {
      notifications.accept(Notification.of(NotificationIds.INTERNAL_ERROR, Level.ERROR, candidate.path(),
          Messages.oneLine(e, root)));
      return new Outcome(candidate, Status.SKIPPED, null, null);
    }
  }

  private Outcome processUnguarded(Candidate candidate, ParseScheduler.Workers workers) {
    byte[] content = read(candidate);
    if (content == null || content.length == 0) {
      return new Outcome(candidate, Status.SKIPPED, null, null);
    }
    long start = System.nanoTime();
    boolean binary = ContentSniffer.looksBinary(content);
    boolean minified = !binary && !candidate.named() && ContentSniffer.looksMinified(content);
    boolean matched = !binary && !minified && !candidate.imported()
        && prefilters.get(candidate.frontEnd()).matches(content);
    boolean library = matched && candidate.frontEnd().isLibrarySource(content);
    boolean kept = !binary && !minified && (candidate.imported() || matched && !library);
    times.prefilterNanos.add(System.nanoTime() - start);
    if (library && verbose) {
      notifications.accept(Notification.of(NotificationIds.SKIPPED_LIBRARY_SOURCE, Level.NOTE, candidate.path(),
          "the source of a recognised framework or library itself; analysed only when an app's file imports it"));
    }
    if (binary) {
      notifications.accept(Notification.of(NotificationIds.BINARY_FILE, Level.NOTE, candidate.path(),
          "binary content (a NUL byte near the start); skipped"));
      return new Outcome(candidate, Status.SKIPPED, null, null);
    }
    if (minified) {
      if (verbose) {
        notifications.accept(Notification.of(NotificationIds.SKIPPED_MINIFIED, Level.NOTE, candidate.path(),
            "looks minified (very long lines); skipped; name the file to scan it"));
      }
      return new Outcome(candidate, Status.SKIPPED, null, null);
    }
    if (!kept) {
      // the bytes are dropped: most files of a large tree end here, and an import re-reads the few that matter
      return new Outcome(candidate, Status.NOT_KEPT, null, null);
    }
    SourceFile file = new SourceFile(candidate.path(), content);
    FileAnalysis analysis = analyse(candidate.frontEnd(), file, workers);
    return analysis == null
        ? new Outcome(candidate, Status.SKIPPED, file, null)
        : new Outcome(candidate, Status.ANALYSED, file, analysis);
  }

  /** The file's bytes; null when it is too large or could not be read (both reported). */
  private byte[] read(Candidate candidate) {
    long start = System.nanoTime();
    try {
      long size = Files.size(candidate.file());
      if (size > MAX_FILE_BYTES) {
        notifications.accept(Notification.of(NotificationIds.FILE_TOO_LARGE, Level.WARNING, candidate.path(),
            "file is " + size / (1 << 20) + " MiB, over the " + (MAX_FILE_BYTES >> 20) + " MiB limit; skipped"));
        return null;
      }
      byte[] content = Files.readAllBytes(candidate.file());
      times.bytesRead.add(content.length);
      return content;
    } catch (IOException | SecurityException e) {
      notifications.accept(Notification.of(NotificationIds.UNREADABLE_FILE, Level.WARNING, candidate.path(),
          "cannot read file: " + Messages.oneLine(e, root)));
      return null;
    } finally {
      times.readNanos.add(System.nanoTime() - start);
    }
  }

  private FileAnalysis analyse(FrontEnd frontEnd, SourceFile file, ParseScheduler.Workers workers) {
    long start = System.nanoTime();
    try {
      FileAnalysis analysis = workers.of(frontEnd).analyze(file);
      if (analysis == null) {
        notifications.accept(Notification.of(NotificationIds.INTERNAL_ERROR, Level.ERROR, file.path(),
            frontEnd.name() + " front end returned no analysis"));
      }
      return analysis;
    } catch (RuntimeException | StackOverflowError e) {
      workers.discard(frontEnd);
      notifications.accept(Notification.of(NotificationIds.INTERNAL_ERROR, Level.ERROR, file.path(),
          frontEnd.name() + " front end failed: " + Messages.oneLine(e, root)));
      return null;
    } finally {
      times.parseNanos.add(System.nanoTime() - start);
    }
  }
}
