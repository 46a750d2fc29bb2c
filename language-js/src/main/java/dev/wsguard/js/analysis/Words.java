package dev.wsguard.js.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits identifiers into lower-case words: {@code openOrdersWithClients} is open, orders, with, clients. */
public final class Words {
  private Words() {}

  public static List<String> split(String identifier) {
    List<String> words = new ArrayList<>();
    if (identifier == null) {
      return words;
    }
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      boolean boundary = Character.isUpperCase(c) && current.length() > 0
          && (Character.isLowerCase(identifier.charAt(i - 1))
              || i + 1 < identifier.length() && Character.isLowerCase(identifier.charAt(i + 1)));
      if (!Character.isLetterOrDigit(c)) {
        flush(words, current);
        continue;
      }
      if (boundary) {
        flush(words, current);
      }
      current.append(Character.toLowerCase(c));
    }
    flush(words, current);
    return words;
  }

  private static void flush(List<String> words, StringBuilder current) {
    if (current.length() > 0) {
      words.add(current.toString().toLowerCase(Locale.ROOT));
      current.setLength(0);
    }
  }

  /** The first word of a name that is in the set, or null. */
  public static String anyIn(String identifier, Set<String> set) {
    for (String w : split(identifier)) {
      if (set.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
