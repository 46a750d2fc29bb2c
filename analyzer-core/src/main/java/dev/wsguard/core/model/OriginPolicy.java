package dev.wsguard.core.model;

import java.util.Objects;

/**
 * Which Origins an endpoint accepts.
 *
 * @param location where the policy is set (an allowed-origins call, a verifyClient); null for a framework default
 * @param detail what the policy is, in the source's terms ("verifyClient returns true for every origin")
 */
public record OriginPolicy(Kind kind, SourceLocation location, String detail) {

  public enum Kind {
    /** Every Origin is accepted (framework default for ws, or an explicit wildcard). */
    ANY,
    /** Only listed Origins are accepted, and others are rejected. */
    ALLOW_LIST,
    /** Same-origin only by the framework's default (Spring's registry). */
    SAME_ORIGIN_DEFAULT,
    /** A check exists but wsguard cannot tell what it allows. */
    UNKNOWN
  }

  public OriginPolicy {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(detail);
  }

  /** True when foreign pages are refused: an allow-list, or a framework's same-origin default. */
  public boolean rejectsForeignOrigins() {
    return kind == Kind.ALLOW_LIST || kind == Kind.SAME_ORIGIN_DEFAULT;
  }

  public static OriginPolicy anyByDefault(String framework) {
    return new OriginPolicy(Kind.ANY, null, framework + " accepts every Origin by default");
  }
}
