package dev.wsguard.cli;

import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.Scan;
import dev.wsguard.core.engine.ScanOptions;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.fix.TextEdit;
import dev.wsguard.core.fix.UnifiedDiff;
import dev.wsguard.core.report.text.TextWriter;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wsguard fix}: scans, then applies every finding's suggested patch, file by file, and scans again for the
 * patches that overlapped an applied one, up to {@link #MAX_ROUNDS} rounds. A file is written only when it is a
 * regular file inside the scan root reached through no symbolic link, and still holds the bytes the patch was
 * computed on; each is replaced atomically. With {@code --dry-run} nothing is written and the first round's patches
 * are printed as a unified diff.
 */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description = "Apply the suggested patches of the findings (--dry-run prints them as a unified diff).",
    sortOptions = false)
final class FixCommand implements Callable<Integer> {
  /**
   * Scans and applications at most: two patches of one file that touch the same place (the same import line) are
   * applied in successive rounds, and a bound keeps a patch that does not clear its finding from looping.
   */
  static final int MAX_ROUNDS = 4;

  @Spec CommandSpec spec;

  @Mixin ScanSelection selection;

  @Option(names = "--dry-run", description = "Print the patches as a unified diff; change no file.")
  boolean dryRun;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
      description = "Exit 1 when a finding at or above this level remains unpatched: error, warning, note or none "
          + "(default: warning). With --dry-run every finding counts as remaining.")
  Level failOn;

  private final Path workingDirectory;
  private final Analyzers analyzers;

  FixCommand(Path workingDirectory, Analyzers analyzers) {
    this.workingDirectory = workingDirectory;
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() throws IOException {
    ScanOptions options = selection.options(workingDirectory, analyzers.rules());
    List<FrontEnd> frontEnds = analyzers.frontEnds().get();
    ScanResult result = new Scan(frontEnds, analyzers.rules()).run(options);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    new TextWriter().writeNotifications(result.notifications(), err);
    if (result.stats().filesDiscovered() == 0) {
      err.println("wsguard: nothing to scan: no " + ScanCommand.extensions(frontEnds) + " file under the given paths");
      return ExitCodes.USAGE;
    }
    List<Finding> remaining;
    Set<String> refused = new HashSet<>();
    Set<String> files = new TreeSet<>();
    int patched = 0;
    for (int round = 1; ; round++) {
      remaining = new ArrayList<>();
      Map<String, List<Finding>> byFile = new TreeMap<>();
      for (Finding finding : result.findings()) {
        if (finding.fix() == null || finding.fix().bases().keySet().stream().anyMatch(refused::contains)) {
          remaining.add(finding);
        } else {
          for (String path : finding.fix().bases().keySet()) {
            byFile.computeIfAbsent(path, k -> new ArrayList<>()).add(finding);
          }
        }
      }
      int applied = 0;
      for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
        String refusal = patchFile(result.root(), entry.getKey(), entry.getValue(), out);
        if (refusal == null) {
          applied += entry.getValue().size();
          files.add(entry.getKey());
        } else {
          err.println("wsguard: " + entry.getKey() + ": not patched: " + refusal);
          refused.add(entry.getKey());
          remaining.addAll(entry.getValue());
        }
      }
      patched += applied;
      if (dryRun || applied == 0 || round == MAX_ROUNDS) {
        break;
      }
      // a patch whose edits overlapped one applied in this round was left out of the scan's fixes; the patched
      // files, scanned again, give it over the new text
      result = new Scan(frontEnds, analyzers.rules()).run(options);
    }
    if (!dryRun) {
      out.println("wsguard: applied " + patched + " patch" + (patched == 1 ? "" : "es") + " in "
          + files.size() + " file" + (files.size() == 1 ? "" : "s") + "; " + remaining.size()
          + " finding" + (remaining.size() == 1 ? "" : "s") + " without a patch remain");
    }
    out.flush();
    return ExitCodes.forFindings(dryRun ? result.findings() : remaining, failOn, false);
  }

  /** Applies (or prints) one file's patches; the reason it refused, or null when it did. */
  private String patchFile(Path root, String path, List<Finding> findings, PrintWriter out) {
    Path realRoot;
    Path file = root.resolve(path).normalize();
    try {
      realRoot = root.toRealPath();
      if (!file.startsWith(root) || hasLinkBelow(root, file)) {
        return "it lies outside the scan root or is reached through a symbolic link";
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(realRoot)) {
        return "it is not a regular file inside the scan root";
      }
      byte[] current = Files.readAllBytes(file);
      List<TextEdit> edits = new ArrayList<>();
      for (Finding finding : findings) {
        Fix fix = finding.fix();
        if (!Patches.digest(current).equals(fix.bases().get(path))) {
          return "it changed since it was scanned; scan again";
        }
        fix.edits().stream().filter(e -> e.range().path().equals(path)).forEach(edits::add);
      }
      if (dryRun) {
        out.print(UnifiedDiff.of(path, current, edits));
        return null;
      }
      AtomicOutput.writeBytes(file, Patches.apply(current, edits));
      return null;
    } catch (IOException | RuntimeException e) {
      return WsguardCommand.oneLine(e);
    }
  }

  /** True when the file or a folder between the root and it is a symbolic link. */
  private static boolean hasLinkBelow(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }
}
