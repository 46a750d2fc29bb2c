package dev.wsguard.core.engine;

import dev.wsguard.core.engine.Discovery.Candidate;
import dev.wsguard.core.engine.FilePipeline.Outcome;
import dev.wsguard.core.engine.FilePipeline.Status;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Model;
import dev.wsguard.core.rule.Finding;
import dev.wsguard.core.rule.Level;
import dev.wsguard.core.rule.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole scan: discover files, read and prefilter them, analyse them in parallel (then the files they import),
 * link, run the rules, apply suppressions, render fixes, fingerprint and sort. The same input gives the same
 * result, byte for byte once reported: every collection that reaches the result is sorted, and nothing depends on
 * thread timing. No file can stop a scan; what goes wrong becomes a {@link Notification}. Scanned code is only
 * read, never run.
 */
public final class Scan {
  private final List<FrontEnd> frontEnds;
  private final List<Rule> rules;
  private final Set<String> ruleIds;

  /**
   * @param frontEnds in priority order: a file goes to the first one reading its extension
   * @param rules the catalogue, in the order results list them
   */
  public Scan(List<FrontEnd> frontEnds, List<Rule> rules) {
    this.frontEnds = List.copyOf(frontEnds);
    this.rules = List.copyOf(rules);
    Set<String> ids = new LinkedHashSet<>();
    for (Rule rule : this.rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException("duplicate rule id: " + rule.id());
      }
    }
    this.ruleIds = Set.copyOf(ids);
  }

  /**
   * @throws IllegalArgumentException when {@code options} names an unknown rule, a path outside the root, a
   *     malformed exclude glob or a negative thread count
   */
  public ScanResult run(ScanOptions options) {
    Path root = options.root().toAbsolutePath().normalize();
    List<Rule> selected = select(options.ruleIds());
    if (options.threads() < 0) {
      throw new IllegalArgumentException("threads must not be negative: " + options.threads());
    }
    NotificationSink notifications = new NotificationSink();
    PhaseTimes times = new PhaseTimes();

    long start = System.nanoTime();
    Discovery discovery = new Discovery(root, frontEnds, options.excludes(), notifications, options.verbose(),
        options.defaultSkips(), lanes(options));
    List<Candidate> discovered = discovery.discover(options.paths());
    long discoveryNanos = System.nanoTime() - start;

    List<Outcome> analysed = analyse(root, discovery, discovered, options, notifications, times);

    start = System.nanoTime();
    Model model = link(analysed, options.verbose(), notifications);
    long linkNanos = System.nanoTime() - start;

    start = System.nanoTime();
    List<Finding> findings = findings(root, selected, model, analysed, discovery, notifications);
    long rulesNanos = System.nanoTime() - start;

    ScanStats stats = new ScanStats(discovered.size(), analysed.size(), times.bytesRead.sum(), discoveryNanos,
        times.readNanos.sum(), times.prefilterNanos.sum(), times.parseNanos.sum(), linkNanos, rulesNanos);
    return new ScanResult(root, selected, findings, notifications.sorted(), analysed.size(), stats);
  }

  /** Runs the rules, then drops suppressed findings, sorts, renders fixes and fingerprints what is left. */
  private List<Finding> findings(
      Path root, List<Rule> selected, Model model, List<Outcome> analysed, Discovery discovery,
      NotificationSink notifications) {
    Map<String, SourceFile> sources = new TreeMap<>();
    analysed.forEach(o -> sources.put(o.file().path(), o.file()));
    List<Finding> findings = new RuleRunner(selected, notifications).run(model);
    addMissingSources(root, findings, sources);
    // the whole catalogue: a suppression for a rule left out by --rules is still well-formed
    findings = new ArrayList<>(Suppressions.apply(findings, sources, ruleIds, notifications));
    findings.sort(Finding.ORDER);
    findings = new FixAttacher(path -> discovery.frontEndFor(Path.of(path)), sources::get, notifications,
        FixContext.of(model))
        .attach(findings);
    Map<String, SourceLines> lines = new HashMap<>();
    return Fingerprints.assign(findings, path -> sources.containsKey(path)
        ? lines.computeIfAbsent(path, p -> SourceLines.of(sources.get(p).content()))
        : null);
  }

  private List<Rule> select(Set<String> wanted) {
    Set<String> unknown = new TreeSet<>(wanted);
    unknown.removeAll(ruleIds);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown rule id: " + String.join(", ", unknown));
    }
    return wanted.isEmpty() ? rules : rules.stream().filter(r -> wanted.contains(r.id())).toList();
  }

  /**
   * How many import hops are followed from a file the prefilter kept: its helpers and their helpers. A file that
   * names a WebSocket or token API is found by the prefilter wherever it sits, so a deeper closure only adds
   * dependency code (measured on the JS benchmark corpus: 91 files kept by their bytes pulled in 1,650 more).
   */
  static final int MAX_IMPORT_HOPS = 2;

  /** Analyses the discovered files, then the files they import, round after round, up to {@link #MAX_IMPORT_HOPS}. */
  private List<Outcome> analyse(
      Path root, Discovery discovery, List<Candidate> discovered, ScanOptions options,
      NotificationSink notifications, PhaseTimes times) {
    Map<String, Outcome> outcomes = new TreeMap<>();
    Set<String> deferred = new HashSet<>();
    int lanes = lanes(options);
    FilePipeline pipeline = new FilePipeline(root, frontEnds, notifications, options.verbose(), times);
    try (ParseScheduler scheduler = new ParseScheduler(lanes)) {
      List<Candidate> round = discovered;
      for (int hop = 0; !round.isEmpty(); hop++) {
        List<Outcome> fresh = new ArrayList<>();
        for (Outcome outcome : scheduler.map(round, pipeline::process)) {
          outcomes.put(outcome.candidate().path(), outcome);
          if (outcome.status() == Status.ANALYSED) {
            fresh.add(outcome);
            notifications.addAll(listOrEmpty(outcome.analysis().notifications()));
          }
        }
        round = importsOf(fresh, outcomes, deferred, discovery);
        if (hop == MAX_IMPORT_HOPS && !round.isEmpty()) {
          if (options.verbose()) {
            notifications.accept(Notification.of(NotificationIds.IMPORTS_NOT_FOLLOWED, Level.NOTE, null,
                round.size() + " imported files lie more than " + MAX_IMPORT_HOPS + " imports away from any file"
                    + " that names a WebSocket or token API; they were not read"));
          }
          round = List.of();
        }
      }
    }
    return outcomes.values().stream().filter(o -> o.status() == Status.ANALYSED).toList();
  }

  /**
   * Files the fresh analyses import that were never analysed nor given up on, sorted by path. A file the prefilter
   * kept whose analysis needs no import ({@link FileAnalysis#needsImports}) is deferred: its imports are followed
   * when a later round finds another file importing it.
   */
  private static List<Candidate> importsOf(
      List<Outcome> fresh, Map<String, Outcome> outcomes, Set<String> deferred, Discovery discovery) {
    TreeMap<String, Candidate> next = new TreeMap<>();
    List<Outcome> expand = new ArrayList<>();
    for (Outcome outcome : fresh) {
      if (outcome.candidate().imported() || outcome.analysis().needsImports()) {
        expand.add(outcome);
      } else {
        deferred.add(outcome.candidate().path());
      }
    }
    for (int i = 0; i < expand.size(); i++) {
      for (String imported : listOrEmpty(expand.get(i).analysis().imports())) {
        discovery.admitImport(imported).ifPresent(c -> {
          next.putIfAbsent(c.path(), c);
          if (deferred.remove(c.path())) {
            expand.add(outcomes.get(c.path()));
          }
        });
      }
    }
    next.values().removeIf(c -> outcomes.containsKey(c.path())
        && outcomes.get(c.path()).status() != Status.NOT_KEPT);
    return List.copyOf(next.values());
  }

  private Model link(List<Outcome> analysed, boolean verbose, NotificationSink notifications) {
    List<FileFacts> facts = new ArrayList<>();
    for (FrontEnd frontEnd : frontEnds) {
      List<FileAnalysis> own = analysed.stream()
          .filter(o -> o.candidate().frontEnd() == frontEnd)
          .map(Outcome::analysis)
          .toList();
      if (own.isEmpty()) {
        continue;
      }
      try {
        facts.addAll(listOrEmpty(frontEnd.link(own, new LinkContext(verbose, notifications))));
      } catch (RuntimeException | StackOverflowError e) {
        notifications.accept(Notification.of(NotificationIds.INTERNAL_ERROR, Level.ERROR, null,
            frontEnd.name() + " front end failed to link " + own.size() + " files: " + Messages.oneLine(e)));
      }
    }
    return new Model(facts);
  }

  /**
   * Reads the files findings point into that were not analysed (a front end may place a fact in a file it only
   * resolved), so suppressions, fixes and fingerprints see their text too.
   */
  private static void addMissingSources(Path root, List<Finding> findings, Map<String, SourceFile> sources) {
    Set<String> missing = new HashSet<>();
    for (Finding finding : findings) {
      if (!sources.containsKey(finding.location().path())) {
        missing.add(finding.location().path());
      }
    }
    for (String path : missing) {
      Path file = root.resolve(path).normalize();
      if (file.startsWith(root) && Files.isRegularFile(file)) {
        try {
          sources.put(path, new SourceFile(path, Files.readAllBytes(file)));
        } catch (IOException e) {
          // without the text the finding stands unsuppressed and unfixed, which is the safe side
        }
      }
    }
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The threads a scan works with: the option, else one per available processor. */
  private static int lanes(ScanOptions options) {
    return options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
  }
}
