package dev.wsguard.js;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.model.Language;
import dev.wsguard.js.facts.EndpointFact;
import dev.wsguard.js.facts.ExportFact;
import dev.wsguard.js.facts.HandlerFact;
import dev.wsguard.js.facts.PartFact;
import dev.wsguard.js.facts.SummaryFact;
import dev.wsguard.js.facts.TokenUseFact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the JavaScript front end extracted from one file before linking: endpoints and parts of endpoints, token uses,
 * function summaries and exports, and the project modules it imports. Holds no syntax tree.
 *
 * @param handlerExports exported functions that handle a connection's messages, by function key
 * @param importCandidates for each relative specifier, the files it may name, in the order link time tries them
 */
public record JsFileAnalysis(
    String path,
    Language language,
    List<Notification> notifications,
    Map<String, List<String>> importCandidates,
    List<EndpointFact> endpoints,
    List<PartFact> parts,
    List<TokenUseFact> tokenUses,
    Map<String, SummaryFact> summaries,
    Map<String, ExportFact> exports,
    List<String> starSpecifiers,
    Map<String, HandlerFact> handlerExports) implements FileAnalysis {

  public JsFileAnalysis {
    handlerExports = Map.copyOf(handlerExports);
    notifications = List.copyOf(notifications);
    importCandidates = Map.copyOf(importCandidates);
    endpoints = List.copyOf(endpoints);
    parts = List.copyOf(parts);
    tokenUses = List.copyOf(tokenUses);
    summaries = Map.copyOf(summaries);
    exports = Map.copyOf(exports);
    starSpecifiers = List.copyOf(starSpecifiers);
  }

  /** An analysis with nothing in it but notifications (an unreadable file). */
  static JsFileAnalysis empty(String path, Language language, List<Notification> notifications) {
    return new JsFileAnalysis(path, language, notifications, Map.of(), List.of(), List.of(), List.of(), Map.of(),
        Map.of(), List.of(), Map.of());
  }

  /** A file with no endpoint, part, token use or message handler uses nothing of another file. */
  @Override
  public boolean needsImports() {
    return !endpoints.isEmpty() || !parts.isEmpty() || !tokenUses.isEmpty() || !handlerExports.isEmpty();
  }

  @Override
  public List<String> imports() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    importCandidates.values().forEach(all::addAll);
    return new ArrayList<>(all);
  }
}
