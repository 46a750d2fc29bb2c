package dev.wsguard.java;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;
import java.util.Objects;

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
}
