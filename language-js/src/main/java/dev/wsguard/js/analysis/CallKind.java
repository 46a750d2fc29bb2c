package dev.wsguard.js.analysis;

import dev.wsguard.js.facts.FunctionRef;
import dev.wsguard.js.facts.Term;

/**
 * What a call does for authentication.
 *
 * @param term the evidence the call adds when it succeeds; null for {@link Type#NONE}
 * @param failure for {@link Type#VERIFY}: how a failure shows
 * @param helper for {@link Type#HELPER}: the function link time reads
 * @param credential for {@link Type#VERIFY}: the credential the call reads from the request itself; null when none
 */
record CallKind(
    Type type, Term term, ApiTables.Failure failure, FunctionRef helper, String library, String credential) {
  CallKind(Type type, Term term, ApiTables.Failure failure, FunctionRef helper, String library) {
    this(type, term, failure, helper, library, null);
  }

  /** A verification of a token (as opposed to a session lookup): what the token-use facts list. */
  boolean token() {
    return (type == Type.VERIFY || type == Type.DECODE) && !library.startsWith(SESSION_STORE);
  }

  /** How session store lookups are named: they verify, but no token. */
  static final String SESSION_STORE = "session store ";

  enum Type {
    /** A verify call of a known library. */
    VERIFY,
    /** A decode call that checks no signature. */
    DECODE,
    /** A project function (same file or imported) that may verify. */
    HELPER,
    /** An express-session style parser: req.session is filled in its callback. */
    SESSION_PARSER,
    /** A call that parses a browser-sent credential (basic-auth). */
    CREDENTIAL_PARSER,
    NONE
  }

  static final CallKind NONE = new CallKind(Type.NONE, null, null, null, null);
}
