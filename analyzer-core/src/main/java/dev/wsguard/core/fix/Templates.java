package dev.wsguard.core.fix;

import java.util.function.UnaryOperator;

/**
 * The code a patch inserts is written as a canonical template, two spaces per level and {@code \n} line ends; these
 * put it in the patched file's style, whatever its language (STYLE.md C: edits that follow the file).
 */
public final class Templates {
  private Templates() {}

  /**
   * The file's indentation step: a tab when more indented lines start with one, else the smallest run of spaces
   * that starts an indented line; two spaces when nothing says otherwise.
   */
  public static String indentUnit(String text) {
    int smallest = Integer.MAX_VALUE;
    int tabs = 0;
    int spaces = 0;
    for (String line : text.split("\r\n|\n|\r")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("\t")) {
        tabs++;
        continue;
      }
      int i = 0;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      // block comment continuation lines (" * ...") are one space deep and say nothing about the step
      if (i > 0 && line.charAt(i) != '*') {
        spaces++;
        smallest = Math.min(smallest, i);
      }
    }
    if (tabs > spaces) {
      return "\t";
    }
    return smallest == Integer.MAX_VALUE || smallest > 8 ? "  " : " ".repeat(smallest);
  }

  /**
   * The template with each level of two leading spaces turned into one {@code unit} and every line prefixed with
   * {@code indent} (blank lines stay empty); {@code body} adapts each line's text after its indentation (quotes,
   * semicolons).
   */
  public static String render(String template, String indent, String unit, UnaryOperator<String> body) {
    StringBuilder out = new StringBuilder();
    String[] lines = template.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append('\n');
      }
      if (line.isBlank()) {
        continue;
      }
      int depth = 0;
      while (line.startsWith("  ", depth * 2)) {
        depth++;
      }
      out.append(indent).append(unit.repeat(depth)).append(body.apply(line.substring(depth * 2)));
    }
    return out.toString();
  }
}
