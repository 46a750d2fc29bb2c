package dev.wsguard.js.facts;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import java.util.List;
import java.util.Set;

/**
 * How a function of the project ends, path by path, for deciding at link time whether calling it verifies a
 * credential.
 *
 * @param key the function's key in its file
 * @param name how the source names it
 * @param exits one entry per path out of the function
 * @param credentials the credentials it reads
 * @param calls the helpers it calls (its token uses lie on the same handshake path)
 * @param input what it takes as its one argument when called to check a credential (the token, or the upgrade
 *     request); null when it cannot be called so
 * @param mayReturnPromise true unless every value it returns itself is plainly no promise
 * @param returnedHelpers project helpers whose results it returns as they are (a promise, if theirs is one)
 */
public record SummaryFact(
    String key, String name, SourceLocation location, List<Exit> exits, Set<CredentialSource> credentials,
    List<FunctionRef> calls, Verifier.Input input, boolean mayReturnPromise, List<FunctionRef> returnedHelpers) {

  public SummaryFact {
    exits = List.copyOf(exits);
    credentials = Set.copyOf(credentials);
    calls = List.copyOf(calls);
    returnedHelpers = List.copyOf(returnedHelpers);
  }

  public enum ExitKind {
    /** Returns a value that is truthy whatever happened (an object, true). */
    RETURN_TRUTHY,
    /** Returns null, false, undefined or nothing. */
    RETURN_FALSY,
    /** Returns a verification's result: truthy exactly when it succeeded. */
    RETURN_RESULT,
    /** Throws or rejects. */
    THROW
  }

  /**
   * @param result for {@link ExitKind#RETURN_RESULT}: the verification whose result is returned; for
   *     {@link ExitKind#RETURN_TRUTHY}: the verification the returned value is built from
   *     ({@code { id: claims.sub }}), null when it is built from none
   * @param falsyValue for {@link ExitKind#RETURN_FALSY}: which falsy value ("false", "null", "undefined", "0", "''");
   *     null when it is not known
   */
  public record Exit(ExitKind kind, PathFact path, Term result, String falsyValue) {
    public Exit(ExitKind kind, PathFact path, Term result) {
      this(kind, path, result, null);
    }
  }
}
