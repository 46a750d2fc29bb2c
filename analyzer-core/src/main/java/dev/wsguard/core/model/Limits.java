package dev.wsguard.core.model;

/**
 * Resource limits an endpoint sets, where the framework exposes them.
 *
 * @param maxMessageBytes the configured maximum message size; null when not set (the framework default applies)
 * @param location where the limit is set; null when not set
 */
public record Limits(Long maxMessageBytes, SourceLocation location) {
  public static final Limits NONE = new Limits(null, null);
}
