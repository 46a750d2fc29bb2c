package dev.wsguard.java;

import com.github.javaparser.ast.CompilationUnit;
import dev.wsguard.core.engine.FileAnalysis;
import dev.wsguard.core.engine.Notification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed Java file.
 *
 * @param unit the syntax tree, partial when the file has syntax errors; null when nothing could be parsed (a
 *     lexical error stops JavaParser before it builds a tree)
 * @param notifications the file's parse problems
 */
public record JavaFileAnalysis(String path, CompilationUnit unit, List<Notification> notifications)
    implements FileAnalysis {

  public JavaFileAnalysis {
    Objects.requireNonNull(path);
    notifications = List.copyOf(notifications);
  }

  public Optional<CompilationUnit> compilationUnit() {
    return Optional.ofNullable(unit);
  }

  /** None: Java imports name packages and classes, not files, so they are resolved when linking, not read here. */
  @Override
  public List<String> imports() {
    return List.of();
  }
}
