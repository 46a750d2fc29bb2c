package dev.wsguard.core.rule;

/**
 * A rule. It implements one or more of {@link EndpointCheck}, {@link HandlerCheck}, {@link SendCheck} and
 * {@link TokenUseCheck}, and carries its metadata in {@link RuleInfo}. Rules read the model, never syntax.
 */
public interface Rule {
  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }

  default String id() {
    return info().id();
  }

  /** The rule's docs page (Markdown), from {@code /wsguard/rules/docs/<id>.md} beside the rule class. */
  default String docs() {
    String resource = "/wsguard/rules/docs/" + id() + ".md";
    try (java.io.InputStream in = getClass().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing docs page " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
