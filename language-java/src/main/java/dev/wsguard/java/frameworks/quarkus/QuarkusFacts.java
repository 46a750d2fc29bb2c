package dev.wsguard.java.frameworks.quarkus;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.spring.Gate;
import java.util.List;

/** The facts the Quarkus recogniser takes from one file, for {@link QuarkusLinker}. No syntax trees. */
public final class QuarkusFacts {
  private QuarkusFacts() {}

  /**
   * A websockets-next endpoint class.
   *
   * @param declaration the {@code @WebSocket} annotation
   * @param path the path as written ({@code /chat/{room}}); null when it could not be read
   * @param security the class-level security annotation ({@code @Authenticated}, {@code @RolesAllowed},
   *     {@code @PermissionsAllowed}), which secures the upgrade; null when there is none
   * @param permitAll true when the class says {@code @PermitAll}
   */
  public record EndpointFact(String type, SourceLocation declaration, String path, String security,
      SourceLocation securityAt, boolean permitAll, List<MessageHandler> handlers, List<Send> sends)
      implements JavaFact {}

  /**
   * An {@code HttpUpgradeCheck} bean: its gate, and whether it narrows itself to some endpoints.
   *
   * @param origin what its Origin test accepts; null when it does not refuse on the Origin
   * @param originOnly every refusal it makes is the Origin test's: it authenticates nobody
   */
  public record UpgradeCheckFact(String type, Gate gate, boolean selective, OriginPolicy origin, boolean originOnly)
      implements JavaFact {}
}
