package dev.wsguard.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One place that accepts WebSocket connections, with everything the front end learnt about it.
 *
 * @param declaration where findings about the endpoint point ({@code new WebSocketServer(}, {@code @ServerEndpoint})
 * @param paths the paths the endpoint serves, when known (empty: any path, or unknown)
 * @param credentials where the connection's authority comes from; empty when nothing authenticates
 * @param unknowns things the front end could not decide, in words, for finding messages ("verifyToken is imported
 *     from './auth', which could not be read")
 */
public record Endpoint(
    Framework framework,
    Language language,
    SourceLocation declaration,
    List<String> paths,
    List<HandshakeGuard> guards,
    Set<CredentialSource> credentials,
    OriginPolicy originPolicy,
    List<MessageHandler> handlers,
    List<Send> sends,
    Limits limits,
    List<String> unknowns) {

  public Endpoint {
    Objects.requireNonNull(framework);
    Objects.requireNonNull(language);
    Objects.requireNonNull(declaration);
    Objects.requireNonNull(originPolicy);
    Objects.requireNonNull(limits);
    paths = List.copyOf(paths);
    guards = List.copyOf(guards);
    credentials = Set.copyOf(credentials);
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
    unknowns = List.copyOf(unknowns);
  }

  /** A stable id: the declaration's file, line and column. */
  public String id() {
    return declaration.path() + ":" + declaration.startLine() + ":" + declaration.startColumn();
  }

  public List<HandshakeGuard> guards(GuardKind kind) {
    return guards.stream().filter(g -> g.kind() == kind).toList();
  }

  /** True when a verified authentication guard covers every path to the accept. */
  public boolean authenticated() {
    return guards(GuardKind.AUTHENTICATION).stream().anyMatch(HandshakeGuard::verifiedOnAllPaths);
  }

  public boolean ambientCredentials() {
    return credentials.stream().anyMatch(CredentialSource::ambient);
  }
}
