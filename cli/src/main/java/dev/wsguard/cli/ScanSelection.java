package dev.wsguard.cli;

import dev.wsguard.core.engine.ScanOptions;
import dev.wsguard.core.rule.Rule;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What to scan and with which rules: the options {@code scan} and {@code fix} share, checked the same way. */
final class ScanSelection {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to scan (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "ID", split = ",", description = "Run only these rules (comma-separated).")
  List<String> ruleIds = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip paths matching this glob, relative to the scan root; a glob without '/' matches names "
          + "anywhere. Repeatable; on top of .gitignore and the default skips.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--no-default-skips",
      description = "Also walk into dependency and build-output folders (node_modules, dist, build, target, ...), "
          + "to audit vendored code; .git, .gitignore and --exclude still apply.")
  boolean noDefaultSkips;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Parser threads (default: one per processor).")
  int threads;

  @Option(names = "--verbose", description = "Also report skipped files and unresolved imports.")
  boolean verbose;

  /** The scan options, after checking every value; a bad one is a usage error naming it. */
  ScanOptions options(Path workingDirectory, List<Rule> rules) {
    List<Path> targets = targets(workingDirectory);
    Path root = ScanRoot.of(targets, workingDirectory)
        .orElseThrow(() -> usage("the paths share no common folder"));
    Set<String> selected = selectedRules(rules);
    checkExcludes();
    if (threads < 0) {
      throw usage("--threads must be 0 or more, was " + threads);
    }
    return new ScanOptions(root, targets, selected, excludes, threads, verbose, !noDefaultSkips);
  }

  private List<Path> targets(Path workingDirectory) {
    List<String> given = paths.isEmpty() ? List.of(".") : paths;
    Set<Path> targets = new LinkedHashSet<>();
    for (String raw : given) {
      Path path;
      try {
        path = workingDirectory.resolve(raw).normalize();
      } catch (InvalidPathException e) {
        throw usage("not a valid path: " + raw);
      }
      if (!Files.exists(path)) {
        throw usage("path does not exist: " + raw);
      }
      targets.add(path);
    }
    return List.copyOf(targets);
  }

  private Set<String> selectedRules(List<Rule> rules) {
    Set<String> known = rules.stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> wanted = new LinkedHashSet<>();
    for (String id : ruleIds) {
      String trimmed = id.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!known.contains(trimmed)) {
        throw usage("unknown rule id: " + trimmed + " (known: " + String.join(", ", known) + ")");
      }
      wanted.add(trimmed);
    }
    if (!ruleIds.isEmpty() && wanted.isEmpty()) {
      throw usage("--rules names no rule");
    }
    return wanted;
  }

  private void checkExcludes() {
    for (String glob : excludes) {
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (PatternSyntaxException e) {
        throw usage("invalid --exclude glob: " + glob);
      }
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
