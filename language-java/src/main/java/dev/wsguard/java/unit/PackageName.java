package dev.wsguard.java.unit;

/**
 * Reads a Java file's package declaration from its bytes, without parsing the file: the prefilter's question of
 * whether a file is a library's own source must cost less than a parse.
 */
public final class PackageName {
  /** Package declarations follow the licence header; one longer than this is not looked for. */
  private static final int LIMIT = 64 * 1024;

  private PackageName() {}

  /** The declared package ("org.example.app"); null for the default package or when none is found in reach. */
  public static String of(byte[] content) {
    int end = Math.min(content.length, LIMIT);
    int i = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf ? 3 : 0;
    while (true) {
      i = skipSpaceAndComments(content, i, end);
      if (i >= end) {
        return null;
      }
      if (content[i] == '@') {
        i = skipAnnotation(content, i + 1, end);
        continue;
      }
      break;
    }
    if (!startsWithWord(content, i, end, "package")) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    i += "package".length();
    while (true) {
      i = skipSpaceAndComments(content, i, end);
      if (i >= end) {
        return null;
      }
      byte b = content[i];
      if (b == ';') {
        return name.length() == 0 ? null : name.toString();
      }
      if (b == '.' || Character.isJavaIdentifierPart((char) b) && b >= 0) {
        name.append((char) b);
        i++;
      } else {
        return null;
      }
    }
  }

  private static int skipSpaceAndComments(byte[] c, int i, int end) {
    while (i < end) {
      byte b = c[i];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
        i++;
      } else if (b == '/' && i + 1 < end && c[i + 1] == '/') {
        while (i < end && c[i] != '\n') {
          i++;
        }
      } else if (b == '/' && i + 1 < end && c[i + 1] == '*') {
        i += 2;
        while (i + 1 < end && !(c[i] == '*' && c[i + 1] == '/')) {
          i++;
        }
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** Past {@code Name(.Name)*} and a balanced argument list, if any (package annotations in package-info.java). */
  private static int skipAnnotation(byte[] c, int i, int end) {
    i = skipSpaceAndComments(c, i, end);
    while (i < end && (c[i] == '.' || c[i] >= 0 && Character.isJavaIdentifierPart((char) c[i]))) {
      i++;
    }
    i = skipSpaceAndComments(c, i, end);
    if (i < end && c[i] == '(') {
      int depth = 0;
      for (; i < end; i++) {
        if (c[i] == '(') {
          depth++;
        } else if (c[i] == ')' && --depth == 0) {
          return i + 1;
        }
      }
    }
    return i;
  }

  private static boolean startsWithWord(byte[] c, int i, int end, String word) {
    if (i + word.length() >= end) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (c[i + k] != word.charAt(k)) {
        return false;
      }
    }
    byte next = c[i + word.length()];
    return !(next >= 0 && Character.isJavaIdentifierPart((char) next));
  }
}
