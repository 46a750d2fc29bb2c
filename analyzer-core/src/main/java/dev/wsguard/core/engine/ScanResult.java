package dev.wsguard.core.engine;

import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Rule;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a scan, sorted and deterministic.
 *
 * @param rules the rules that ran, in catalogue order
 * @param filesScanned files parsed and analysed (after the prefilter)
 */
public record ScanResult(
    Path root,
    List<Rule> rules,
    List<Finding> findings,
    List<Notification> notifications,
    int filesScanned,
    ScanStats stats) {
  public ScanResult {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    notifications = List.copyOf(notifications);
  }
}
