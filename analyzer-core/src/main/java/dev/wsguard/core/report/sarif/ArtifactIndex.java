package dev.wsguard.core.report.sarif;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.model.RelatedLocation;
import dev.wsguard.core.rule.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Every file a scan's report names, sorted by path: the run's {@code artifacts} and their indexes. */
final class ArtifactIndex {
  private final List<String> paths;
  private final Map<String, Integer> indexes = new HashMap<>();

  private ArtifactIndex(SortedSet<String> paths) {
    this.paths = List.copyOf(paths);
    for (int i = 0; i < this.paths.size(); i++) {
      indexes.put(this.paths.get(i), i);
    }
  }

  /** The files named by findings, their related locations and fix edits, and by notifications. */
  static ArtifactIndex of(ScanResult result) {
    SortedSet<String> paths = new TreeSet<>();
    for (Finding finding : result.findings()) {
      paths.add(finding.location().path());
      for (RelatedLocation related : finding.related()) {
        paths.add(related.location().path());
      }
      if (finding.fix() != null) {
        for (TextEdit edit : finding.fix().edits()) {
          paths.add(edit.range().path());
        }
      }
    }
    for (Notification notification : result.notifications()) {
      if (notification.path() != null) {
        paths.add(notification.path());
      }
    }
    return new ArtifactIndex(paths);
  }

  List<String> paths() {
    return paths;
  }

  int indexOf(String path) {
    Integer index = indexes.get(path);
    if (index == null) {
      throw new IllegalArgumentException("not an artifact of this report: " + path);
    }
    return index;
  }
}
