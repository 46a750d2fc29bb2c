package dev.wsguard.js.link;

import dev.wsguard.js.JsFileAnalysis;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.TokenUseFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The analysed files by path, and how specifiers, exports and function references resolve among them. */
final class Modules {
  private static final int MAX_HOPS = 8;

  /** An export resolved to the file that defines it. */
  record Resolved(JsFileAnalysis file, ExportFact export) {}

  /** A function reference resolved to its summary. */
  record Function(JsFileAnalysis file, SummaryFact summary) {}

  private final Map<String, JsFileAnalysis> byPath = new LinkedHashMap<>();

  Modules(List<JsFileAnalysis> analyses) {
    for (JsFileAnalysis a : analyses) {
      byPath.put(a.path(), a);
    }
  }

  JsFileAnalysis file(String path) {
    return byPath.get(path);
  }

  List<JsFileAnalysis> files() {
    return new ArrayList<>(byPath.values());
  }

  /** The first candidate of a specifier that was analysed; null when none was. */
  JsFileAnalysis module(String importer, String specifier) {
    JsFileAnalysis from = byPath.get(importer);
    if (from == null) {
      return null;
    }
    for (String candidate : from.importCandidates().getOrDefault(specifier, List.of())) {
      JsFileAnalysis found = byPath.get(candidate);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** An export of a module, through re-exports and {@code export *}. */
  Resolved export(JsFileAnalysis module, String name) {
    return export(module, name, 0);
  }

  private Resolved export(JsFileAnalysis module, String name, int hops) {
    if (module == null || hops > MAX_HOPS) {
      return null;
    }
    ExportFact fact = module.exports().get(name);
    if (fact != null && !fact.isReexport()) {
      return new Resolved(module, fact);
    }
    if (fact != null) {
      return export(module(module.path(), fact.specifier()), fact.importedName(), hops + 1);
    }
    for (String star : module.starSpecifiers()) {
      Resolved found = export(module(module.path(), star), name, hops + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The summary a reference names; null when the module or the function cannot be read. */
  Function function(FunctionRef ref) {
    JsFileAnalysis from = byPath.get(ref.file());
    if (from == null) {
      return null;
    }
    if (ref.isLocal()) {
      SummaryFact s = from.summaries().get(ref.name());
      return s == null ? null : new Function(from, s);
    }
    if (!ref.isRelative()) {
      return null;
    }
    Resolved resolved = export(module(ref.file(), ref.specifier()), ref.name());
    if (resolved == null || resolved.export().functionKey() == null) {
      return null;
    }
    SummaryFact s = resolved.file().summaries().get(resolved.export().functionKey());
    return s == null ? null : new Function(resolved.file(), s);
  }

  /** The token uses inside a function of a file. */
  static List<TokenUseFact> usesIn(JsFileAnalysis file, String key) {
    List<TokenUseFact> out = new ArrayList<>();
    for (TokenUseFact use : file.tokenUses()) {
      if (use.owners().contains(key)) {
        out.add(use);
      }
    }
    return out;
  }
}
