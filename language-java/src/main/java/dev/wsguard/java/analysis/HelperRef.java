package dev.wsguard.java.analysis;

import dev.wsguard.core.model.SourceLocation;

/**
 * A call to a project method whose body, possibly in another file, decides what a guard is worth; resolved at link
 * time against the {@link MethodSummary} facts of every analysed file.
 *
 * @param owner the fully qualified class the method is called on, as the caller's imports name it
 * @param method the method name
 * @param location the call
 */
public record HelperRef(String owner, String method, int arguments, SourceLocation location) {
  public String key() {
    return owner + "#" + method;
  }

  public String describe() {
    return owner.substring(owner.lastIndexOf('.') + 1) + "." + method;
  }
}
