package dev.wsguard.core.rule;

import java.util.Locale;

/**
 * One wording of a rule's message, implemented by an enum in the rule. Placeholders are {@code {name}} and are
 * filled in order.
 */
public interface MessageVariant {
  String name();

  String template();

  /** The kebab-case key that corpus markers name: {@code SOME_PATHS} is {@code some-paths}. */
  default String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The template with each {@code {...}} placeholder replaced, in order, by the arguments. */
  default String format(Object... args) {
    String t = template();
    StringBuilder out = new StringBuilder(t.length() + 32);
    int next = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      int close = c == '{' ? t.indexOf('}', i) : -1;
      if (close > i && next < args.length) {
        out.append(args[next++]);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
