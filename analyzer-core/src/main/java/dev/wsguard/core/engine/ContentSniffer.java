package dev.wsguard.core.engine;

/** Cheap looks at a file's first bytes: is it binary, is it a minified bundle. No decoding. */
final class ContentSniffer {
  /** How far to look for a NUL byte, as git and ripgrep do. */
  static final int BINARY_WINDOW = 8 * 1024;
  /** How much of a file the minified test samples. */
  static final int MINIFIED_WINDOW = 64 * 1024;
  /** Hand-written code averages well under this many bytes per line; bundlers emit thousands. */
  static final int MINIFIED_AVERAGE_LINE = 200;
  /** Below this size a file is read whatever its shape: a short one-liner is no bundle. */
  static final int MINIFIED_MIN_SIZE = 2 * 1024;

  private ContentSniffer() {}

  static boolean looksBinary(byte[] content) {
    int end = Math.min(content.length, BINARY_WINDOW);
    for (int i = 0; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the sampled start of the file averages more than {@link #MINIFIED_AVERAGE_LINE} bytes per line. A
   * bundle's licence banner does not save it: one giant line after a few short ones still lifts the average.
   */
  static boolean looksMinified(byte[] content) {
    if (content.length < MINIFIED_MIN_SIZE) {
      return false;
    }
    int end = Math.min(content.length, MINIFIED_WINDOW);
    int lines = 1;
    for (int i = 0; i < end; i++) {
      if (content[i] == '\n') {
        lines++;
      }
    }
    return end / lines > MINIFIED_AVERAGE_LINE;
  }
}
