package dev.wsguard.java.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Camel-case and snake-case words of Java identifiers, lower-cased. */
public final class Words {
  private Words() {}

  public static List<String> of(String identifier) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char previous = 0;
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, out);
      } else {
        boolean boundary = Character.isUpperCase(c) && word.length() > 0
            && (Character.isLowerCase(previous) || Character.isDigit(previous)
                || i + 1 < identifier.length() && Character.isLowerCase(identifier.charAt(i + 1)));
        if (boundary) {
          flush(word, out);
        }
        word.append(c);
      }
      previous = c;
    }
    flush(word, out);
    return out;
  }

  /** The first word of a method name ("deleteUser" -> "delete"). */
  public static String first(String identifier) {
    List<String> words = of(identifier);
    return words.isEmpty() ? "" : words.get(0);
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
