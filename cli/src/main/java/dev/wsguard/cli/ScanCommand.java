package dev.wsguard.cli;

import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.Scan;
import dev.wsguard.core.engine.ScanOptions;
import dev.wsguard.core.engine.ScanResult;
import dev.wsguard.core.engine.ScanStats;
import dev.wsguard.core.report.json.JsonWriter;
import dev.wsguard.core.report.sarif.SarifWriter;
import dev.wsguard.core.report.text.TextWriter;
import dev.wsguard.core.rule.Level;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wsguard scan}: scans files and folders and reports findings; the exit code says whether any remain. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan files or folders for WebSocket security problems.",
    sortOptions = false)
final class ScanCommand implements Callable<Integer> {
  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  @Spec CommandSpec spec;

  @Mixin ScanSelection selection;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or sarif (default: text).")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here (default: standard output).")
  String output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
      description = "Exit 1 when a finding at or above this level remains: error, warning, note or none "
          + "(default: warning).")
  Level failOn;

  @Option(names = "--exit-zero", description = "Report findings but exit 0.")
  boolean exitZero;

  @Option(names = "--stats", description = "Print where the time went on standard error.")
  boolean stats;

  private final Path workingDirectory;
  private final Analyzers analyzers;

  ScanCommand(Path workingDirectory, Analyzers analyzers) {
    this.workingDirectory = workingDirectory;
    this.analyzers = analyzers;
  }

  @Override
  public Integer call() throws IOException {
    ScanOptions options = selection.options(workingDirectory, analyzers.rules());
    long scanStart = System.nanoTime();
    List<FrontEnd> frontEnds = analyzers.frontEnds().get();
    ScanResult result = new Scan(frontEnds, analyzers.rules()).run(options);

    long reportStart = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    if (output == null) {
      report(result, spec.commandLine().getOut());
    } else {
      writeAtomically(result);
    }
    if (format == Format.TEXT) {
      new TextWriter().writeNotifications(result.notifications(), err);
    }
    if (stats) {
      long end = System.nanoTime();
      printStats(result.stats(), selection.threads, end - reportStart, scanStart, end, err);
    }
    if (result.stats().filesDiscovered() == 0) {
      err.println("wsguard: nothing to scan: no " + extensions(frontEnds) + " file under the given paths");
      return ExitCodes.USAGE;
    }
    return ExitCodes.forFindings(result.findings(), failOn, exitZero);
  }

  private void writeAtomically(ScanResult result) {
    Path target = workingDirectory.resolve(output).normalize();
    Path folder = target.getParent();
    if (Files.isDirectory(target) || folder == null || !Files.isDirectory(folder)) {
      throw usage("cannot write --output " + output + ": its folder does not exist or it is a folder");
    }
    try {
      AtomicOutput.write(target, out -> report(result, out));
    } catch (IOException e) {
      throw usage("cannot write --output " + output + ": " + WsguardCommand.oneLine(e));
    }
  }

  private void report(ScanResult result, Writer out) throws IOException {
    switch (format) {
      case TEXT -> new TextWriter().write(result, out);
      case JSON -> new JsonWriter().write(result, out);
      case SARIF -> new SarifWriter().write(result, out);
      default -> throw new IllegalStateException("unhandled format " + format);
    }
    out.flush();
  }

  static String extensions(List<FrontEnd> frontEnds) {
    Set<String> all = new TreeSet<>();
    frontEnds.forEach(f -> all.addAll(f.extensions()));
    return String.join(" ", all);
  }

  /**
   * @param reportNanos writing the report and the notifications
   * @param scanStart {@link System#nanoTime()} before the front ends were built
   * @param end {@link System#nanoTime()} after the report was written
   */
  private static void printStats(
      ScanStats s, int threads, long reportNanos, long scanStart, long end, PrintWriter err) {
    String threadNote = " (summed over " + (threads > 0 ? threads : Runtime.getRuntime().availableProcessors())
        + " threads)";
    err.println("wsguard stats: " + s.filesDiscovered() + " files discovered, " + s.filesKept() + " analysed, "
        + String.format(Locale.ROOT, "%.1f", s.bytesRead() / 1024.0) + " KiB read");
    err.println(phase("discovery", s.discoveryNanos(), ""));
    err.println(phase("read", s.readNanos(), threadNote));
    err.println(phase("prefilter", s.prefilterNanos(), threadNote));
    err.println(phase("parse", s.parseNanos(), threadNote));
    err.println(phase("link", s.linkNanos(), ""));
    err.println(phase("rules", s.rulesNanos(), " (rules, suppressions, fixes, fingerprints)"));
    err.println(phase("report", reportNanos, ""));
    err.println(phase("wall", end - scanStart, " (front-end set-up to report; the phases above overlap it)"));
    startUpNanos(scanStart).ifPresent(n -> err.println(phase("start-up", n, " (JVM start to scan start)")));
  }

  /**
   * Time from the JVM's start to the scan's start: JVM start-up, class loading and option parsing. The JVM's uptime
   * and the scan's wall time are read together, so loading the management classes here cancels out.
   */
  private static Optional<Long> startUpNanos(long scanStart) {
    long uptimeNanos = ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    long sinceScanStart = System.nanoTime() - scanStart;
    return uptimeNanos > 0 ? Optional.of(Math.max(0, uptimeNanos - sinceScanStart)) : Optional.empty();
  }

  private static String phase(String name, long nanos, String note) {
    return String.format(Locale.ROOT, "  %-10s %8.1f ms%s", name, nanos / 1e6, note);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
