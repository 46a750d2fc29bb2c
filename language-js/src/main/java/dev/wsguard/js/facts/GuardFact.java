package dev.wsguard.js.facts;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * One place that may authenticate (or check the Origin of) an endpoint's connections, as walked in its file; link
 * time resolves helper verdicts and turns it into model guards.
 *
 * @param description what the guard is in the source's terms ("verifyClient", "upgrade handler")
 * @param evidence where the guard is registered or its check sits
 * @param region the guard's code: token uses inside it lie on the endpoint's handshake path
 * @param accepts the paths that reach an accept (each with its evidence and branch conditions)
 * @param seen every piece of evidence met anywhere in the guard
 * @param credentials the credentials the guard reads
 * @param earlySend for a connection handler: a send made before the verification; null otherwise
 * @param delegate for a verifyClient that is a function of another module: that function; null otherwise
 */
public record GuardFact(
    GuardPlace place,
    String description,
    SourceLocation evidence,
    SourceLocation region,
    List<PathFact> accepts,
    List<Term> seen,
    Set<CredentialSource> credentials,
    SourceLocation earlySend,
    FunctionRef delegate) {

  public GuardFact {
    accepts = List.copyOf(accepts);
    seen = List.copyOf(seen);
    credentials = Set.copyOf(credentials);
  }
}
