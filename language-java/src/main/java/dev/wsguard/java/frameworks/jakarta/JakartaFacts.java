package dev.wsguard.java.frameworks.jakarta;

import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.java.analysis.Gate;
import dev.wsguard.java.facts.JavaFact;
import java.util.List;
import java.util.Set;

/** The facts the Jakarta/javax WebSocket recogniser reads out of one file, for {@link JakartaLinker}. */
final class JakartaFacts {
  private JakartaFacts() {}

  /**
   * A class that serves WebSocket connections: annotated with {@code @ServerEndpoint} (then {@code declaration} is
   * the annotation) or extending {@code Endpoint} for programmatic registration (then {@code declaration} is null).
   *
   * @param configurator the configurator class named by the annotation; null when none is
   * @param openGate the check in {@code @OnOpen}; null when it checks nothing
   */
  record EndpointClass(String className, SourceLocation declaration, List<String> paths, String configurator,
      Gate openGate, List<MessageHandler> handlers, List<Send> sends, Limits limits, List<String> unknowns)
      implements JavaFact {
    EndpointClass {
      paths = List.copyOf(paths);
      handlers = List.copyOf(handlers);
      sends = List.copyOf(sends);
      unknowns = List.copyOf(unknowns);
    }
  }

  /**
   * A {@code ServerEndpointConfig.Configurator} subclass.
   *
   * @param superclass the project class it extends, when that is not Configurator itself; null otherwise
   * @param origin its {@code checkOrigin} policy; null when it does not override checkOrigin (or defers to super)
   * @param handshakeGate what {@code modifyHandshake} checks, judged as a refusal of the upgrade; null when nothing
   * @param credentialCheck what {@code modifyHandshake}'s own credential check is worth whatever it then does with the
   *     result, for endpoints whose {@code @OnOpen} closes when a user property it sets is missing; null when nothing
   * @param propertyKeys the user properties {@code modifyHandshake} sets
   * @param handshakeOrigin an Origin check inside modifyHandshake that refuses; null when none
   */
  record Configurator(String className, String superclass, SourceLocation location, OriginPolicy origin,
      Gate handshakeGate, Gate credentialCheck, Set<String> propertyKeys, OriginPolicy handshakeOrigin)
      implements JavaFact {
    Configurator {
      propertyKeys = Set.copyOf(propertyKeys);
    }
  }

  /**
   * A programmatic registration: {@code serverContainer.addEndpoint(config)} or a config a
   * {@code ServerApplicationConfig} returns.
   *
   * @param endpointClass the Endpoint subclass registered; null when wsguard cannot tell which
   */
  record Registration(SourceLocation declaration, String endpointClass, List<String> paths, String configurator,
      List<String> unknowns) implements JavaFact {
    Registration {
      paths = List.copyOf(paths);
      unknowns = List.copyOf(unknowns);
    }
  }

  /**
   * One {@code <security-constraint>} of a web.xml.
   *
   * @param methods the {@code <http-method>}s it is limited to (empty: every method)
   * @param omitted the {@code <http-method-omission>}s it leaves out
   * @param authConstraint it has an {@code <auth-constraint>}
   * @param authMethod the {@code <login-config><auth-method>} of the descriptor ("BASIC", "FORM"), "" when none
   */
  record SecurityConstraint(SourceLocation location, List<String> urlPatterns, List<String> methods,
      List<String> omitted, boolean authConstraint, List<String> roles, String authMethod) implements JavaFact {
    SecurityConstraint {
      urlPatterns = List.copyOf(urlPatterns);
      methods = List.copyOf(methods);
      omitted = List.copyOf(omitted);
      roles = List.copyOf(roles);
    }
  }
}
