package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.wsguard.core.model.Framework;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.frameworks.JavaRecognizer;
import dev.wsguard.java.frameworks.spring.SpringFacts.ChannelInterceptorFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.FilterFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.HandshakeInterceptorFact;
import dev.wsguard.java.unit.JavaUnit;
import java.util.function.Consumer;

/**
 * Reads Spring WebSocket, STOMP and Spring Security facts out of one file: registrations, handler classes,
 * interceptors, controllers, template sends, security chains, message security and configuration properties
 * classes. Only files that import Spring are read.
 */
public final class SpringRecognizer implements JavaRecognizer {

  @Override
  public void recognize(JavaUnit unit, Consumer<JavaFact> out) {
    if (!unit.types().importsFrom("org.springframework")) {
      return;
    }
    RegistrationReader.direct(unit).forEach(out);
    for (ClassOrInterfaceDeclaration c : unit.tree().findAll(ClassOrInterfaceDeclaration.class)) {
      String type = c.getFullyQualifiedName().orElse(c.getNameAsString());
      if (SpringTypes.isA(c, unit, SpringTypes.WEB_SOCKET_CONFIGURER)) {
        for (MethodDeclaration m : c.getMethodsByName("registerWebSocketHandlers")) {
          RegistrationReader.registry(m, Framework.SPRING_WS, type, unit).forEach(out);
        }
      }
      if (SpringTypes.isA(c, unit, SpringTypes.BROKER_CONFIGURER, SpringTypes.ABSTRACT_BROKER_CONFIGURER)) {
        for (MethodDeclaration m : c.getMethodsByName("registerStompEndpoints")) {
          RegistrationReader.registry(m, Framework.SPRING_STOMP, type, unit).forEach(out);
        }
        out.accept(StompReader.config(c, unit));
      }
      if (SpringTypes.isA(c, unit, SpringTypes.SESSION_INTERCEPTOR)) {
        Gate gate = c.getMethodsByName("beforeHandshake").stream().filter(m -> m.getBody().isPresent()).findFirst()
            .map(m -> GateReader.read("beforeHandshake of " + c.getNameAsString(), unit.head(m.getName()),
                m.getBody().get(), GateReader.Reject.RETURN_FALSE, unit)).orElse(null);
        out.accept(new HandshakeInterceptorFact(type, gate, true));
      } else if (SpringTypes.isA(c, unit, SpringTypes.HANDSHAKE_INTERCEPTOR)) {
        Gate gate = c.getMethodsByName("beforeHandshake").stream().filter(m -> m.getBody().isPresent()).findFirst()
            .map(m -> GateReader.read("beforeHandshake of " + c.getNameAsString(), unit.head(m.getName()),
                m.getBody().get(), GateReader.Reject.RETURN_FALSE, unit)).orElse(null);
        out.accept(new HandshakeInterceptorFact(type, gate, false));
      }
      if (SpringTypes.isA(c, unit, SpringTypes.CHANNEL_INTERCEPTOR)) {
        out.accept(new ChannelInterceptorFact(type, StompReader.connectGate(c.getMethods(), c.getNameAsString(),
            unit)));
      }
      if (SpringTypes.isA(c, unit, SpringTypes.HANDLER_TYPES)) {
        out.accept(WsHandlerReader.read(c, unit));
      }
      if (SpringTypes.isA(c, unit, SpringTypes.FILTERS)) {
        out.accept(new FilterFact(type, CredentialReader.read(c)));
      }
      StompReader.controller(c, unit, out);
      StompReader.templateSends(c, unit, out);
      RegistrationReader.configProperties(c, unit).ifPresent(out);
      for (MethodDeclaration m : c.getMethods()) {
        if (SecurityDslReader.isChain(m, unit)) {
          SecurityDslReader.chain(m, unit).ifPresent(out);
        }
        SecurityDslReader.ignored(m, unit).ifPresent(out);
        SecurityDslReader.messages(m, unit).ifPresent(out);
      }
    }
  }
}
