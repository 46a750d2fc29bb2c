package dev.wsguard.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.Token;
import com.github.javaparser.TokenMgrException;
import com.github.javaparser.ast.CompilationUnit;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.Prefilter;
import dev.wsguard.core.engine.NotificationIds;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.rule.Level;
import dev.wsguard.java.config.ConfigReader;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.DescriptorReader;
import dev.wsguard.java.frameworks.JavaFrameworks;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.unit.Budget;
import dev.wsguard.java.unit.ImportCandidates;
import dev.wsguard.java.unit.JavaUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thread's Java parser. A {@link JavaParser} keeps state between parses and is not thread-safe; the engine
 * gives each thread its own worker, so each worker owns one parser and needs no locks.
 */
final class JavaWorker implements FrontEnd.Worker {
  static final String PARSE_ERROR = "parse-error";
  static final String CONFIG_ERROR = "config-error";
  static final String ANALYSIS_BUDGET = "analysis-budget";

  /**
   * The largest Java file parsed, in bytes; {@code -Dwsguard.javaMaxFileBytes=N} changes it. A JavaParser tree takes
   * about 120 times its source in heap (a 2.8 MB generated file: 336 MB), and each worker thread holds one, so a
   * larger file is only prefiltered: it matched a trigger word, and nothing in it is checked.
   */
  static final long MAX_FILE_BYTES = Long.getLong("wsguard.javaMaxFileBytes", 1L << 20);

  /** The engine's own byte automaton over the trigger words: tells a file that matters by itself from an import. */
  private static final Prefilter TRIGGERS = new Prefilter(JavaFrontEnd.TRIGGER_WORDS);

  /** The newest level JavaParser 3.27 knows; it accepts every older syntax too. */
  static final LanguageLevel LANGUAGE_LEVEL = LanguageLevel.JAVA_21;

  // JavaParser's lexer errors carry their position only in the message: "Lexical error at line 2, column 16."
  private static final Pattern LEXICAL_ERROR_LINE = Pattern.compile("at line (\\d+)");

  private static final String EXPECTED_ONE_OF = ", expected one of";

  private final JavaParser parser =
      new JavaParser(new ParserConfiguration().setLanguageLevel(LANGUAGE_LEVEL));
  private final long budgetSeconds;
  private final long maxFileBytes;

  JavaWorker() {
    this(Budget.DEFAULT_SECONDS, MAX_FILE_BYTES);
  }

  /** A worker with its own limits, for tests. */
  JavaWorker(long budgetSeconds, long maxFileBytes) {
    this.budgetSeconds = budgetSeconds;
    this.maxFileBytes = maxFileBytes;
  }

  @Override
  public FileAnalysis analyze(SourceFile file) {
    if (ConfigReader.isConfig(file.path())) {
      return config(file);
    }
    if (file.path().endsWith(".xml")) {
      return descriptor(file);
    }
    if (file.content().length > maxFileBytes) {
      return new JavaFileAnalysis(file.path(), List.of(new Notification(ANALYSIS_BUDGET, Level.WARNING, file.path(),
          0, "the file is " + file.content().length / 1024 + " KiB, more than the " + maxFileBytes / 1024
              + " KiB the Java front end parses (-Dwsguard.javaMaxFileBytes); it was only prefiltered and nothing "
              + "in it was checked")));
    }
    try {
      Budget.start(budgetSeconds);
      return recognize(file);
    } catch (Budget.Exceeded e) {
      return new JavaFileAnalysis(file.path(), List.of(new Notification(ANALYSIS_BUDGET, Level.WARNING, file.path(),
          0, "the analysis of this file stopped after " + budgetSeconds + " s (too large to analyse in "
              + "time); nothing in it was checked")));
    } finally {
      Budget.clear();
    }
  }

  private FileAnalysis recognize(SourceFile file) {
    Parsed parsed = parse(file);
    if (parsed.unit() == null) {
      return new JavaFileAnalysis(file.path(), parsed.notifications());
    }
    // Facts are taken from the tree here, on the worker's thread; the analysis keeps only what linking needs, so a
    // scan never holds every file's tree at once.
    JavaUnit unit = new JavaUnit(file.path(), file.content(), parsed.unit());
    List<Notification> notifications = new ArrayList<>(parsed.notifications());
    List<JavaFact> facts = new ArrayList<>();
    for (JavaRecognizer recognizer : JavaFrameworks.recognizers()) {
      Budget.check();
      try {
        recognizer.recognize(unit, facts::add);
      } catch (Budget.Exceeded e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        notifications.add(new Notification(NotificationIds.INTERNAL_ERROR, Level.WARNING, file.path(), 0,
            recognizer.getClass().getSimpleName() + " failed on this file: " + e));
      }
    }
    // a file that was only pulled in by another one's import lists no imports of its own: every file that can
    // matter by itself is found by the prefilter, so one hop from those is all that linking needs
    List<String> imports = TRIGGERS.matches(file.content())
        ? ImportCandidates.of(file.path(), parsed.unit()) : List.of();
    return new JavaFileAnalysis(file.path(), notifications, imports, facts);
  }

  private static FileAnalysis config(SourceFile file) {
    try {
      return new JavaFileAnalysis(file.path(), List.of(), List.of(),
          List.of(ConfigReader.read(file.path(), file.content())));
    } catch (IOException e) {
      return new JavaFileAnalysis(file.path(), List.of(new Notification(CONFIG_ERROR, Level.WARNING, file.path(), 0,
          "the configuration file could not be read, so values it sets are unknown: " + e.getMessage())));
    }
  }

  /** A deployment descriptor: read by the framework recognisers that know it (servlet security constraints). */
  private static FileAnalysis descriptor(SourceFile file) {
    List<Notification> notifications = new ArrayList<>();
    List<JavaFact> facts = new ArrayList<>();
    for (DescriptorReader reader : JavaFrameworks.descriptorReaders()) {
      try {
        reader.read(file.path(), file.content(), facts::add);
      } catch (IOException e) {
        notifications.add(new Notification(CONFIG_ERROR, Level.WARNING, file.path(), 0,
            "the descriptor could not be read, so constraints it sets are unknown: " + e.getMessage()));
      }
    }
    return new JavaFileAnalysis(file.path(), notifications, List.of(), facts);
  }

  /**
   * A file's syntax tree, partial when the file has syntax errors and null when nothing could be parsed (a lexical
   * error stops JavaParser before it builds a tree), with the file's parse problems.
   */
  record Parsed(CompilationUnit unit, List<Notification> notifications) {}

  Parsed parse(SourceFile file) {
    // malformed bytes become U+FFFD; they sit in comments and strings in practice, where the parser accepts them
    // a UTF-8 byte order mark stays: JavaParser skips it, and the tree's positions keep counting it like the file
    String code = new String(file.content(), StandardCharsets.UTF_8);
    ParseResult<CompilationUnit> result;
    BudgetedReader input = new BudgetedReader(code);
    try {
      result = parser.parse(input);
    } catch (RuntimeException | StackOverflowError e) {
      // the parser recurses once per nesting level, so absurdly nested generated code can exhaust the stack; the
      // scan must go on with the other files either way
      return new Parsed(null, List.of(new Notification(PARSE_ERROR, Level.WARNING,
          file.path(), 0, "the Java parser failed: " + e.getClass().getSimpleName())));
    }
    input.rethrow();
    List<Notification> notifications = new ArrayList<>();
    for (Problem problem : result.getProblems()) {
      notifications.add(new Notification(PARSE_ERROR, Level.WARNING, file.path(), line(problem),
          message(problem)));
    }
    return new Parsed(result.getResult().orElse(null), List.copyOf(notifications));
  }

  /**
   * The line of the token the parser stopped at. The problem's own range starts at the last token it accepted,
   * which for an unclosed call sits on the line above the error.
   */
  static int line(Problem problem) {
    Throwable cause = problem.getCause().orElse(null);
    if (cause instanceof ParseException parseException) {
      Token current = parseException.currentToken;
      if (current != null && current.next != null && current.next.beginLine > 0) {
        return current.next.beginLine;
      }
    }
    if (cause instanceof TokenMgrException) {
      Matcher m = LEXICAL_ERROR_LINE.matcher(String.valueOf(cause.getMessage()));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return problem.getLocation()
        .flatMap(range -> range.getBegin().getRange())
        .map(range -> range.begin.line)
        .orElse(0);
  }

  /**
   * The problem's first line, without the list of every token the grammar would have accepted: that list runs to
   * fifty entries and would swamp a one-line notification. A single expected token ("expected \"}\"") is kept.
   */
  static String message(Problem problem) {
    String text = problem.getMessage().strip();
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline).strip();
    }
    int expected = text.indexOf(EXPECTED_ONE_OF);
    return expected >= 0 ? text.substring(0, expected) : text;
  }

  /**
   * The source as the parser reads it, checking the file's budget at each buffer the lexer fills: parsing time grows
   * with the text read, so this bounds a parse that would outlast the budget. A spent budget ends the input, since
   * the lexer does not survive an exception from its reader; {@link #rethrow()} then reports it.
   */
  private static final class BudgetedReader extends java.io.Reader {
    private final java.io.StringReader source;
    private Budget.Exceeded exceeded;

    BudgetedReader(String code) {
      this.source = new java.io.StringReader(code);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (exceeded != null) {
        return -1;
      }
      try {
        Budget.check();
      } catch (Budget.Exceeded e) {
        exceeded = e;
        return -1;
      }
      return source.read(buffer, offset, length);
    }

    void rethrow() {
      if (exceeded != null) {
        throw exceeded;
      }
    }

    @Override
    public void close() {
      source.close();
    }
  }

  @Override
  public void close() {
    // the parser holds no resources beyond memory
  }
}
