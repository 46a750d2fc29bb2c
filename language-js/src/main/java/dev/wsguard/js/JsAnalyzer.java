package dev.wsguard.js;

import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.NotificationIds;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.rule.Level;
import dev.wsguard.js.analysis.FileContext;
import dev.wsguard.js.analysis.FunctionSummaries;
import dev.wsguard.js.analysis.ImportPaths;
import dev.wsguard.js.analysis.ModuleExports;
import dev.wsguard.js.analysis.TokenUses;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.GuardFact;
import dev.wsguard.js.facts.HandlerFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.facts.PathFact;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.Term;
import dev.wsguard.js.facts.TokenUseFact;
import dev.wsguard.js.frameworks.FrameworkRecognizer;
import dev.wsguard.js.frameworks.Recognized;
import dev.wsguard.js.frameworks.Recognizers;
import dev.wsguard.js.parse.Budget;
import dev.wsguard.js.parse.JsGrammar;
import dev.wsguard.js.parse.JsParser;
import dev.wsguard.js.parse.Node;
import dev.wsguard.js.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one file into a {@link JsFileAnalysis}: parse, recognise, summarise. Never throws for bad input. */
final class JsAnalyzer {
  static final String PARSE_ERROR = "parse-error";
  static final String INVALID_UTF8 = "invalid-utf8";
  static final String ANALYSIS_BUDGET = "analysis-budget";

  private final JsParser parser;

  JsAnalyzer(JsParser parser) {
    this.parser = parser;
  }

  JsFileAnalysis analyze(SourceFile file) {
    JsGrammar grammar = JsGrammar.forPath(file.path());
    if (grammar == null) {
      grammar = JsGrammar.JAVASCRIPT;
    }
    List<Notification> notifications = new ArrayList<>();
    if (!file.isValidUtf8()) {
      notifications.add(new Notification(INVALID_UTF8, Level.WARNING, file.path(), firstInvalidLine(file.content()),
          "the file is not valid UTF-8; it was analysed with the invalid bytes left as they are"));
    }
    try {
      Budget.start(Budget.DEFAULT_SECONDS);
      SyntaxTree tree = parser.parse(file.path(), file.content(), grammar);
      Node problem = tree.firstProblem();
      if (problem != null) {
        notifications.add(new Notification(PARSE_ERROR, Level.WARNING, file.path(), problem.line(),
            syntaxMessage(problem)));
      }
      return facts(tree, grammar, notifications);
    } catch (Budget.Exceeded e) {
      notifications.add(new Notification(ANALYSIS_BUDGET, Level.WARNING, file.path(), 0,
          "the analysis of this file stopped after " + Budget.DEFAULT_SECONDS + " s (too large or too deeply "
              + "nested to analyse in time); nothing in it was checked"));
      return JsFileAnalysis.empty(file.path(), grammar.language(), notifications);
    } catch (RuntimeException | StackOverflowError e) {
      notifications.add(new Notification(NotificationIds.INTERNAL_ERROR, Level.WARNING, file.path(), 0,
          "the JavaScript front end failed on this file: " + e));
      return JsFileAnalysis.empty(file.path(), grammar.language(), notifications);
    } finally {
      Budget.clear();
    }
  }

  private static String syntaxMessage(Node problem) {
    String where = "line " + problem.line() + ", column " + problem.location().startColumn();
    if (problem.isMissing()) {
      return "syntax error: missing '" + problem.type() + "' at " + where + "; the rest of the file was analysed";
    }
    return "syntax error at " + where + "; the rest of the file was analysed";
  }

  private static JsFileAnalysis facts(SyntaxTree tree, JsGrammar grammar, List<Notification> notifications) {
    FileContext cx = new FileContext(tree);
    List<FrameworkRecognizer> recognizers = Recognizers.forFile(cx);
    List<EndpointFact> endpoints = new ArrayList<>();
    List<PartFact> parts = new ArrayList<>();
    for (FrameworkRecognizer recognizer : recognizers) {
      Recognized found = recognizer.recognize();
      endpoints.addAll(found.endpoints());
      parts.addAll(found.parts());
    }
    List<TokenUseFact> tokenUses = new TokenUses(cx).find();
    ModuleExports exports = new ModuleExports(cx);
    summarizeReferenced(cx, endpoints, parts);
    Map<String, SummaryFact> summaries = Map.copyOf(cx.summaries().all());
    // last: it gives parameters of exported functions the roles a delegating caller would
    Map<String, HandlerFact> handlerExports = new LinkedHashMap<>();
    for (FrameworkRecognizer recognizer : recognizers) {
      recognizer.handlerExports(exports.exports()).forEach(handlerExports::putIfAbsent);
    }
    // guards a handler export brings (middleware registered on a server handed in) may call helpers of this file
    List<PartFact> guarded = new ArrayList<>(parts);
    for (HandlerFact h : handlerExports.values()) {
      if (!h.guards().isEmpty()) {
        guarded.add(new PartFact(null, h.guards(), List.of(), List.of(), List.of()));
      }
    }
    if (guarded.size() > parts.size()) {
      summarizeReferenced(cx, endpoints, guarded);
      summaries = Map.copyOf(cx.summaries().all());
    }
    return new JsFileAnalysis(tree.path(), grammar.language(), notifications,
        ImportPaths.candidates(tree.path(), ImportPaths.specifiers(tree.root())), endpoints, parts,
        tokenUses, summaries, exports.exports(), exports.starSpecifiers(), handlerExports);
  }

  /** Summarises every local function a fact refers to, until no new reference appears. */
  private static void summarizeReferenced(FileContext cx, List<EndpointFact> endpoints, List<PartFact> parts) {
    FunctionSummaries summaries = cx.summaries();
    Set<String> done = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      List<Term> terms = new ArrayList<>();
      for (EndpointFact e : endpoints) {
        e.guards().forEach(g -> collect(g, terms));
      }
      for (PartFact p : parts) {
        p.guards().forEach(g -> collect(g, terms));
      }
      List<FunctionRef> refs = new ArrayList<>();
      for (Term t : terms) {
        if (t.helper() != null) {
          refs.add(t.helper());
        }
      }
      for (SummaryFact s : List.copyOf(summaries.all().values())) {
        refs.addAll(s.calls());
        for (SummaryFact.Exit exit : s.exits()) {
          for (Term t : exit.path().terms()) {
            if (t.helper() != null) {
              refs.add(t.helper());
            }
          }
        }
      }
      for (FunctionRef ref : refs) {
        if (ref.isLocal() && done.add(ref.name())) {
          Node fn = summaries.functionOf(ref.name());
          if (fn != null && !summaries.all().containsKey(ref.name())) {
            summaries.summarize(fn);
            changed = true;
          }
        }
      }
    }
  }

  private static void collect(GuardFact g, List<Term> out) {
    out.addAll(g.seen());
    for (PathFact p : g.accepts()) {
      out.addAll(p.terms());
    }
  }

  private static int firstInvalidLine(byte[] content) {
    int line = 1;
    int i = 0;
    while (i < content.length) {
      int b = content[i] & 0xff;
      int length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      if (length == 0 || i + length > content.length) {
        return line;
      }
      for (int k = 1; k < length; k++) {
        if ((content[i + k] & 0xc0) != 0x80) {
          return line;
        }
      }
      if (b == '\n') {
        line++;
      }
      i += length;
    }
    return line;
  }
}
