package dev.wsguard.java;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.java.analysis.Constants;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.facts.TypeFact;
import dev.wsguard.java.frameworks.spring.ProjectType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What linking needs of one Java or configuration file. The syntax tree is not kept: facts are taken from it in the
 * worker, and the tree is dropped there, so memory holds facts, not trees, until linking.
 *
 * @param notifications the file's parse problems
 * @param imports project files this one depends on (the source files of the classes it imports, the configuration
 *     files of its module), relative to the scan root; the engine analyses those that exist
 * @param facts what the recognisers found
 */
public record JavaFileAnalysis(String path, List<Notification> notifications, List<String> imports,
    List<JavaFact> facts) implements FileAnalysis {

  public JavaFileAnalysis {
    Objects.requireNonNull(path);
    notifications = List.copyOf(notifications);
    imports = List.copyOf(imports);
    facts = List.copyOf(facts);
  }

  public JavaFileAnalysis(String path, List<Notification> notifications) {
    this(path, notifications, List.of(), List.of());
  }

  /**
   * Facts every analysed file yields for the project's sake (its types, method summaries, constants); they depend
   * on nothing in the file's imports that another file's facts would not pull in themselves.
   */
  private static final Set<Class<?>> PROJECT_FACTS = Set.of(TypeFact.class, ProjectType.class,
      dev.wsguard.java.analysis.MethodSummary.class, dev.wsguard.java.frameworks.spring.MethodSummary.class,
      Constants.StringConstant.class);

  /** A file whose facts are all project facts uses nothing of the files it imports. */
  @Override
  public boolean needsImports() {
    return facts.stream().anyMatch(f -> !PROJECT_FACTS.contains(f.getClass()));
  }
}
