package dev.wsguard.core.report.sarif;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The URIs SARIF names files by: repo-relative references under {@code %SRCROOT%}, and the root's file URI. */
final class ArtifactUris {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ArtifactUris() {}

  /**
   * A scan path ('/' separated, relative to the root) as an RFC 3986 relative reference: every byte of its UTF-8
   * form that is not unreserved or '/' is percent-encoded. {@code java.net.URI} would leave non-ASCII letters as
   * they are, which the schema's {@code uri-reference} format and GitHub reject; {@code URLEncoder} writes form
   * encoding ('+' for a space), which is not a path.
   */
  static String relative(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (keptAsIs(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** The root folder's absolute file URI, ending in '/' as SARIF requires of a base URI. */
  static String root(Path root) {
    String uri = root.toAbsolutePath().normalize().toUri().toString();
    // Path.toUri adds the slash only when the folder exists at the time of the call
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static boolean keptAsIs(int c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
  }
}
