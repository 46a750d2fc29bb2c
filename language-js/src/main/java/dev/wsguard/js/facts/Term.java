package dev.wsguard.js.facts;

import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Strength;
import java.util.Objects;

/**
 * One piece of evidence that holds on a path through a handler: a verification that succeeded, a helper whose
 * verdict link time decides, an Origin allow-list check, a permission check.
 *
 * @param strength for {@link Kind#AUTH}: how strong the verification is
 * @param helper for the helper kinds: the function whose summary decides
 * @param resultChecked for {@link Kind#AUTH_HELPER}: the caller tests the helper's result, so a helper that returns
 *     null on failure still rejects
 * @param evidence the call or check
 * @param detail what it is, in the source's terms ("jsonwebtoken.verify", "ORIGINS.includes(origin)")
 */
public record Term(
    Kind kind, Strength strength, FunctionRef helper, boolean resultChecked, SourceLocation evidence, String detail,
    Catches catches) {

  /**
   * Which failure values a caller's check of a helper's result catches: {@code !user} catches every falsy value,
   * {@code user === null} only null, {@code user == null} null and undefined.
   */
  public enum Catches {
    FALSY,
    NULL,
    UNDEFINED,
    NULLISH;

    /** True when a result of the given falsy kind ("false", "null", "undefined", "0", "''") is caught. */
    public boolean catches(String value) {
      return switch (this) {
        case FALSY -> true;
        case NULL -> "null".equals(value);
        case UNDEFINED -> "undefined".equals(value);
        case NULLISH -> "null".equals(value) || "undefined".equals(value);
      };
    }
  }

  public Term(
      Kind kind, Strength strength, FunctionRef helper, boolean resultChecked, SourceLocation evidence, String detail) {
    this(kind, strength, helper, resultChecked, evidence, detail, Catches.FALSY);
  }

  public enum Kind {
    /** A verify or decode call of a known library, or a session check. */
    AUTH,
    /** A call to a project helper that may verify. */
    AUTH_HELPER,
    /** A helper call whose exception a catch swallowed: fails open if the helper throws on failure. */
    AUTH_HELPER_SWALLOWED,
    /**
     * A path that exists only when a helper throws, and on which the connection goes on anyway (an exception the
     * framework does not turn into a rejection): fails open if the helper throws on failure; a helper that reports
     * failure otherwise never takes this path.
     */
    AUTH_HELPER_ESCAPED,
    /** The Origin is compared with an allow-list. */
    ORIGIN_ALLOW,
    /** The Origin is only checked to be present. */
    ORIGIN_PRESENCE,
    /** The Origin is compared with a list or value that lets every Origin in ('*'). */
    ORIGIN_ANY,
    /** The Origin goes through a check wsguard cannot read. */
    ORIGIN_UNKNOWN,
    /** The connection's user is checked for a permission or ownership. */
    PERMISSION,
    /** The connection's user is checked for a role (role, roles, isAdmin, scopes). */
    ROLE,
    /** The connection's user goes through a check wsguard cannot read. */
    PERMISSION_UNKNOWN
  }

  public Term {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(evidence);
    Objects.requireNonNull(detail);
    catches = catches == null ? Catches.FALSY : catches;
  }

  public static Term auth(Strength strength, SourceLocation evidence, String detail) {
    return new Term(Kind.AUTH, strength, null, false, evidence, detail);
  }

  public static Term helper(FunctionRef ref, boolean resultChecked, SourceLocation evidence, String detail) {
    return new Term(Kind.AUTH_HELPER, null, ref, resultChecked, evidence, detail);
  }

  public static Term of(Kind kind, SourceLocation evidence, String detail) {
    return new Term(kind, null, null, false, evidence, detail);
  }

  public Term checked() {
    return kind == Kind.AUTH_HELPER && !resultChecked ? new Term(kind, strength, helper, true, evidence, detail) : this;
  }

  /** This helper term with its result checked by a test that catches only {@code only} failure values. */
  public Term checkedFor(Catches only) {
    return kind == Kind.AUTH_HELPER ? new Term(kind, strength, helper, true, evidence, detail, only) : this;
  }

  public boolean isAuth() {
    return kind == Kind.AUTH || kind == Kind.AUTH_HELPER || kind == Kind.AUTH_HELPER_SWALLOWED
        || kind == Kind.AUTH_HELPER_ESCAPED;
  }

  public boolean isOrigin() {
    return kind == Kind.ORIGIN_ALLOW || kind == Kind.ORIGIN_PRESENCE || kind == Kind.ORIGIN_ANY
        || kind == Kind.ORIGIN_UNKNOWN;
  }

  public boolean isPermission() {
    return kind == Kind.PERMISSION || kind == Kind.ROLE || kind == Kind.PERMISSION_UNKNOWN;
  }

  /** A check of the user that wsguard could read: a permission, an ownership or a role check. */
  public boolean checksUser() {
    return kind == Kind.PERMISSION || kind == Kind.ROLE;
  }
}
