package dev.wsguard.core.fix;

import dev.wsguard.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of one file's patch, built from the edits themselves: each hunk covers the whole lines an edit (or a
 * run of nearby edits) touches, with three lines of context, and within them shows the lines the patch keeps as
 * context and the others as removed and added. The diff shows exactly what {@link Patches#apply} writes.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  /** Beyond this many line pairs a hunk shows its lines removed and added, without matching them. */
  private static final long MAX_TABLE = 4_000_000L;

  private UnifiedDiff() {}

  public static String of(String path, byte[] original, List<TextEdit> edits) {
    List<TextEdit> sorted = EditSet.of(edits).edits();
    if (sorted.isEmpty()) {
      return "";
    }
    int[] starts = lineStarts(original);
    List<List<TextEdit>> groups = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    for (TextEdit edit : sorted) {
      int first = lineOf(starts, edit.range().startByte());
      int last = lineOf(starts, Math.max(edit.range().startByte(), edit.range().endByte() - 1));
      if (!groups.isEmpty() && first - ranges.get(ranges.size() - 1)[1] <= 2 * CONTEXT + 1) {
        groups.get(groups.size() - 1).add(edit);
        ranges.get(ranges.size() - 1)[1] = Math.max(ranges.get(ranges.size() - 1)[1], last);
      } else {
        groups.add(new ArrayList<>(List.of(edit)));
        ranges.add(new int[] {first, last});
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    int delta = 0;
    for (int g = 0; g < groups.size(); g++) {
      int first = ranges.get(g)[0];
      int last = ranges.get(g)[1];
      int segmentStart = starts[first];
      int segmentEnd = last + 1 < starts.length ? starts[last + 1] : original.length;
      byte[] segment = Arrays.copyOfRange(original, segmentStart, segmentEnd);
      List<TextEdit> shifted = new ArrayList<>();
      for (TextEdit e : groups.get(g)) {
        shifted.add(new TextEdit(new SourceLocation(e.range().path(), 1, 1, 1, 1,
            e.range().startByte() - segmentStart, e.range().endByte() - segmentStart), e.replacement()));
      }
      List<String> before = lines(segment);
      List<String> after = lines(Patches.apply(segment, shifted));
      int contextStart = Math.max(0, first - CONTEXT);
      int contextEnd = Math.min(starts.length - 1, last + CONTEXT);
      List<String> lead = new ArrayList<>();
      for (int i = contextStart; i < first; i++) {
        lead.add(line(original, starts, i));
      }
      List<String> trail = new ArrayList<>();
      for (int i = last + 1; i <= contextEnd; i++) {
        trail.add(line(original, starts, i));
      }
      int oldCount = lead.size() + before.size() + trail.size();
      int newCount = lead.size() + after.size() + trail.size();
      int oldStart = contextStart + 1;
      out.append("@@ -").append(oldStart).append(',').append(oldCount)
          .append(" +").append(oldStart + delta).append(',').append(newCount).append(" @@\n");
      lead.forEach(l -> out.append(' ').append(l).append('\n'));
      appendChanges(out, before, after);
      trail.forEach(l -> out.append(' ').append(l).append('\n'));
      delta += after.size() - before.size();
    }
    return out.toString();
  }

  /**
   * The touched lines before and after, the lines they keep in common shown as context (a longest common
   * subsequence), so that an insertion inside a line's run shows as that insertion and not as the run rewritten.
   */
  private static void appendChanges(StringBuilder out, List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    if ((long) n * m > MAX_TABLE) {
      before.forEach(l -> out.append('-').append(l).append('\n'));
      after.forEach(l -> out.append('+').append(l).append('\n'));
      return;
    }
    // common[i][j]: the longest common subsequence of before[i..] and after[j..]
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = before.get(i).equals(after.get(j))
            ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        out.append(' ').append(before.get(i++)).append('\n');
        j++;
      } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
        // within a change, removals come before additions, as diff prints them
        if (i < n && common[i + 1][j] == common[i][j]) {
          out.append('-').append(before.get(i++)).append('\n');
        } else {
          out.append('+').append(after.get(j++)).append('\n');
        }
      } else {
        out.append('-').append(before.get(i++)).append('\n');
      }
    }
  }

  private static int[] lineStarts(byte[] content) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n' && i + 1 < content.length) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineOf(int[] starts, int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static String line(byte[] content, int[] starts, int index) {
    int end = index + 1 < starts.length ? starts[index + 1] : content.length;
    return strip(new String(content, starts[index], end - starts[index], StandardCharsets.UTF_8));
  }

  private static List<String> lines(byte[] segment) {
    String text = new String(segment, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String l : text.split("\n", -1)) {
      out.add(strip(l));
    }
    if (text.endsWith("\n")) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static String strip(String line) {
    String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }
}
