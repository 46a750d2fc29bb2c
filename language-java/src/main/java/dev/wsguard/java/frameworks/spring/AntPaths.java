package dev.wsguard.java.frameworks.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches request paths and message destinations against Spring's path patterns as AntPathMatcher and PathPattern
 * read them: {@code **} spans any number of segments (also none, so {@code /ws/**} matches {@code /ws}), {@code *}
 * and {@code {var}} stay inside one segment, {@code ?} is one character; PathPattern's {@code {*var}} (WebFlux
 * {@code pathMatchers}) spans the rest of the path like {@code **}.
 */
public final class AntPaths {
  private AntPaths() {}

  public static boolean matches(String pattern, String path) {
    return match(segments(pattern), 0, segments(path), 0);
  }

  private static List<String> segments(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  private static boolean match(List<String> pattern, int p, List<String> path, int s) {
    if (p == pattern.size()) {
      return s == path.size();
    }
    String seg = pattern.get(p);
    // PathPattern's {*name} captures the rest of the path, none of it included, as ** does
    if (seg.equals("**") || seg.startsWith("{*") && seg.endsWith("}")) {
      for (int skip = s; skip <= path.size(); skip++) {
        if (match(pattern, p + 1, path, skip)) {
          return true;
        }
      }
      return false;
    }
    return s < path.size() && segment(seg, path.get(s)) && match(pattern, p + 1, path, s + 1);
  }

  private static boolean segment(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
          regex.append(Pattern.quote(pattern.substring(i)));
          break;
        }
        String inside = pattern.substring(i + 1, close);
        int colon = inside.indexOf(':');
        regex.append(colon < 0 ? "[^/]+" : "(?:" + inside.substring(colon + 1) + ")");
        i = close;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    try {
      return Pattern.matches(regex.toString(), text);
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }
}
