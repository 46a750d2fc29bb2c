package dev.wsguard.js.analysis;

import dev.wsguard.js.parse.Node;

/** Evaluates constant numeric expressions such as {@code 1024 * 1024} or {@code 64 * 1024}. */
public final class NumericValue {
  private NumericValue() {}

  /** The value; null when the expression is not a constant wsguard can compute. */
  public static Long of(Node expr) {
    Node e = Syntax.unwrap(expr);
    if (e == null) {
      return null;
    }
    if (e.is("number")) {
      try {
        String text = e.text().replace("_", "");
        if (text.startsWith("0x") || text.startsWith("0X")) {
          return Long.parseLong(text.substring(2), 16);
        }
        double value = Double.parseDouble(text);
        return value == Math.rint(value) ? (long) value : null;
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    if (e.is("binary_expression")) {
      Long left = of(e.child("left"));
      Long right = of(e.child("right"));
      String op = Syntax.operator(e);
      if (left == null || right == null || op == null) {
        return null;
      }
      return switch (op) {
        case "*" -> left * right;
        case "+" -> left + right;
        case "-" -> left - right;
        case "<<" -> left << right;
        case "**" -> (long) Math.pow(left, right);
        default -> null;
      };
    }
    return null;
  }
}
