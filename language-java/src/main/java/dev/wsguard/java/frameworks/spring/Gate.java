package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a method that can turn a connection away does: a HandshakeInterceptor's {@code beforeHandshake}, a STOMP
 * CONNECT {@code preSend}, a connection handler that closes the session, an {@code HttpUpgradeCheck}. Read by
 * {@link GateReader}; its strength is decided at link time by {@link GateVerdicts}, once project helpers resolve.
 *
 * @param description the gate in the source's terms ("beforeHandshake of JwtHandshakeInterceptor")
 * @param location the method's name
 * @param rejects true when some path turns the connection away (returns false or null, throws, closes)
 * @param checks what the conditions on the way to a rejection depend on
 * @param credentials the credentials the method reads
 * @param swallowedAt a catch around a check that carries on as if the check passed; null when there is none
 */
public record Gate(
    String description,
    SourceLocation location,
    boolean rejects,
    List<Check> checks,
    Set<CredentialSource> credentials,
    SourceLocation swallowedAt) {

  public Gate {
    Objects.requireNonNull(description);
    Objects.requireNonNull(location);
    checks = List.copyOf(checks);
    credentials = Set.copyOf(credentials);
  }

  /** True when the method neither checks nor reads anything: it is no authentication at all. */
  public boolean inert() {
    return checks.isEmpty() && credentials.isEmpty();
  }
}
