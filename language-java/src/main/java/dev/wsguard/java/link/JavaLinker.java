package dev.wsguard.java.link;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.core.engine.NotificationIds;
import dev.wsguard.core.model.FileFacts;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.core.rule.Level;
import dev.wsguard.java.JavaFileAnalysis;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.facts.TokenUseFact;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.frameworks.JavaFrameworks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Links the Java files' facts into model facts: every framework linker over one index, then per-file grouping. */
public final class JavaLinker {
  private JavaLinker() {}

  public static List<FileFacts> link(List<FileAnalysis> analyses, LinkContext context) {
    List<JavaFileAnalysis> ours = new ArrayList<>();
    for (FileAnalysis a : analyses) {
      if (a instanceof JavaFileAnalysis java) {
        ours.add(java);
      }
    }
    // analyses arrive in thread-finishing order: link in path order so that output is the same on every run
    ours.sort(Comparator.comparing(JavaFileAnalysis::path));
    LinkIndex index = new LinkIndex(ours, context);
    LinkOutput out = new LinkOutput();
    for (FrameworkLinker linker : JavaFrameworks.linkers()) {
      try {
        linker.link(index, out);
      } catch (RuntimeException | StackOverflowError e) {
        // one framework's failure must not cost the others their findings
        context.notifications().accept(Notification.of(NotificationIds.INTERNAL_ERROR, Level.ERROR, null,
            "the Java front end failed to link " + linker.getClass().getSimpleName() + ": " + e));
      }
    }
    Map<String, List<Verifier>> verifiers = ProjectVerifierFacts.of(index);
    List<FileFacts> facts = new ArrayList<>();
    for (JavaFileAnalysis file : ours) {
      List<TokenUse> uses = new ArrayList<>(out.tokenUsesOf(file.path()));
      for (JavaFact fact : file.facts()) {
        if (fact instanceof TokenUseFact t) {
          merge(uses, t.use());
        }
      }
      facts.add(new FileFacts(file.path(), Language.JAVA, out.endpointsOf(file.path()), uses,
          verifiers.getOrDefault(file.path(), List.of())));
    }
    return facts;
  }

  /**
   * Adds the token recogniser's reading of a call, unless a framework linker read the same call (it knows the
   * endpoint whose handshake the call is on): then one use stands, placed at the call as the recogniser places it,
   * where findings point and the token patch finds the call.
   */
  private static void merge(List<TokenUse> uses, TokenUse call) {
    for (int i = 0; i < uses.size(); i++) {
      TokenUse u = uses.get(i);
      if (LinkOutput.sameCall(u, call)) {
        uses.set(i, new TokenUse(call.location(), u.library(), u.signatureChecked(), u.resultTrusted(),
            u.failureSwallowed(), u.swallowedAt(), u.endpointDeclaration()));
        return;
      }
    }
    uses.add(call);
  }
}
