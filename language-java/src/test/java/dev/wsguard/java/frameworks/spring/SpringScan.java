package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the Java front end over inline files and hands back the linked model, for the Spring tests. */
final class SpringScan {
  private final List<FileFacts> facts;

  private SpringScan(List<FileFacts> facts) {
    this.facts = facts;
  }

  /** Files as path, text, path, text... */
  static SpringScan of(String... pathsAndTexts) {
    Map<String, String> files = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    JavaFrontEnd frontEnd = new JavaFrontEnd();
    List<FileAnalysis> analyses = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      files.forEach((path, text) -> analyses.add(worker.analyze(
          new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)))));
    }
    return new SpringScan(frontEnd.link(analyses, new LinkContext(false, n -> {
      throw new AssertionError("unexpected notification: " + n);
    })));
  }

  List<Endpoint> endpoints() {
    return facts.stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  Endpoint only() {
    List<Endpoint> all = endpoints();
    if (all.size() != 1) {
      throw new AssertionError("expected one endpoint, found " + all);
    }
    return all.get(0);
  }

  List<TokenUse> tokenUses() {
    return facts.stream().flatMap(f -> f.tokenUses().stream()).toList();
  }
}
