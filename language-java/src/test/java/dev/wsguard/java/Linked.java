package dev.wsguard.java;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.FrontEnd;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.TokenUse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: analyses sources (path, text pairs) with the real worker and links them, as a scan would. */
public final class Linked {
  private final List<FileFacts> files;

  private Linked(List<FileFacts> files) {
    this.files = files;
  }

  public static Linked of(String... pathsAndTexts) {
    JavaFrontEnd frontEnd = new JavaFrontEnd();
    List<FileAnalysis> analyses = new ArrayList<>();
    try (FrontEnd.Worker worker = frontEnd.newWorker()) {
      for (int i = 0; i < pathsAndTexts.length; i += 2) {
        analyses.add(worker.analyze(new SourceFile(pathsAndTexts[i],
            pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8))));
      }
    }
    return new Linked(frontEnd.link(analyses, new LinkContext(false, n -> {})));
  }

  public List<Endpoint> endpoints() {
    return files.stream().flatMap(f -> f.endpoints().stream()).toList();
  }

  public Endpoint endpoint() {
    List<Endpoint> all = endpoints();
    if (all.size() != 1) {
      throw new AssertionError("expected one endpoint, got " + all);
    }
    return all.get(0);
  }

  /** The project's own verifiers the link found, in path order. */
  public List<dev.wsguard.core.model.Verifier> verifiers() {
    return files.stream().flatMap(f -> f.verifiers().stream()).toList();
  }

  public List<TokenUse> tokenUses() {
    return files.stream().flatMap(f -> f.tokenUses().stream()).toList();
  }
}
