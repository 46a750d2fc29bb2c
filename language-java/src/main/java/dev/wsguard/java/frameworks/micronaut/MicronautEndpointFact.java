package dev.wsguard.java.frameworks.micronaut;

import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;

/**
 * A Micronaut {@code @ServerWebSocket} class, for {@link MicronautLinker}.
 *
 * @param declaration the {@code @ServerWebSocket} annotation
 * @param secured the {@code @Secured} values on the class ("isAuthenticated()", "ROLE_ADMIN", "isAnonymous()");
 *     empty when there is no {@code @Secured}
 * @param usesSecurity true when the file imports Micronaut Security (so its default deny applies)
 */
public record MicronautEndpointFact(SourceLocation declaration, String path, List<String> secured,
    SourceLocation securedAt, boolean usesSecurity, List<MessageHandler> handlers, List<Send> sends)
    implements JavaFact {
  public MicronautEndpointFact {
    secured = List.copyOf(secured);
    handlers = List.copyOf(handlers);
    sends = List.copyOf(sends);
  }
}
