package dev.wsguard.core.engine;

/**
 * The kinds of notification the engine itself reports. They are stable: reporters, tests and users filter on them.
 * Front ends add their own ("parse-error").
 */
public final class NotificationIds {
  /** A file or folder that could not be read (permissions, I/O error). */
  public static final String UNREADABLE_FILE = "unreadable-file";
  /** A file with a NUL byte near its start, skipped. */
  public static final String BINARY_FILE = "binary-file";
  /** A file larger than the engine reads, skipped. */
  public static final String FILE_TOO_LARGE = "file-too-large";
  /** A symbolic link that points back into its own folder chain or at itself, not followed. */
  public static final String SYMLINK_LOOP = "symlink-loop";
  /** With --verbose: a minified bundle skipped by default. */
  public static final String SKIPPED_MINIFIED = "skipped-minified";
  /** With --verbose: a symbolic link skipped (never followed; its target is scanned under its own path). */
  public static final String SKIPPED_SYMLINK = "skipped-symlink";
  /** With --verbose: the source of a recognised framework or library itself, which no app's code is. */
  public static final String SKIPPED_LIBRARY_SOURCE = "skipped-library-source";
  /** With --verbose: a file named on the command line that no front end reads. */
  public static final String SKIPPED_UNSUPPORTED = "skipped-unsupported";
  /** A path to scan that does not exist. */
  public static final String MISSING_PATH = "missing-path";
  /** A front end, fix renderer or the engine failed on one file; the scan went on without it. */
  public static final String INTERNAL_ERROR = "internal-error";
  /** Imports further than {@code Scan.MAX_IMPORT_HOPS} from any file the prefilter kept (with --verbose). */
  public static final String IMPORTS_NOT_FOLLOWED = "imports-not-followed";
  /** A rule threw on one model element; its other findings stand. */
  public static final String RULE_ERROR = "rule-error";
  /** A {@code wsguard-ignore} comment without a reason after {@code --}; it suppresses nothing. */
  public static final String SUPPRESSION_WITHOUT_REASON = "suppression-without-reason";
  /** A {@code wsguard-ignore} comment that names no rule, or a rule that does not exist. */
  public static final String SUPPRESSION_UNKNOWN_RULE = "suppression-unknown-rule";

  private NotificationIds() {}
}
