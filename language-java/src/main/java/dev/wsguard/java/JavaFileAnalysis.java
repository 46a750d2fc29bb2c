package dev.wsguard.java;

import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import java.util.List;
import java.util.Objects;

/**
 * What linking needs of one Java file. The syntax tree is not kept: facts are taken from it in the worker, and the
 * tree is dropped there, so memory holds facts, not trees, until linking.
 *
 * @param notifications the file's parse problems
 */
public record JavaFileAnalysis(String path, List<Notification> notifications) implements FileAnalysis {

  public JavaFileAnalysis {
    Objects.requireNonNull(path);
    notifications = List.copyOf(notifications);
  }

  /** None: Java imports name packages and classes, not files, so they are resolved when linking, not read here. */
  @Override
  public List<String> imports() {
    return List.of();
  }
}
