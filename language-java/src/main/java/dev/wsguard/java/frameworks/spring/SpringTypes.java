package dev.wsguard.java.frameworks.spring;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.wsguard.java.unit.JavaUnit;

/** The Spring API types the recogniser looks for, and how a class is tested against them through its imports. */
final class SpringTypes {
  static final String WS = "org.springframework.web.socket.";
  static final String WEB_SOCKET_CONFIGURER = WS + "config.annotation.WebSocketConfigurer";
  static final String BROKER_CONFIGURER = WS + "config.annotation.WebSocketMessageBrokerConfigurer";
  static final String ABSTRACT_BROKER_CONFIGURER = WS + "config.annotation.AbstractWebSocketMessageBrokerConfigurer";
  static final String HANDSHAKE_INTERCEPTOR = WS + "server.HandshakeInterceptor";
  static final String SESSION_INTERCEPTOR = WS + "server.support.HttpSessionHandshakeInterceptor";
  static final String ORIGIN_INTERCEPTOR = WS + "server.support.OriginHandshakeInterceptor";
  static final String HTTP_REQUEST_HANDLER = WS + "server.support.WebSocketHttpRequestHandler";
  static final String[] HANDLER_TYPES = {WS + "handler.TextWebSocketHandler", WS + "handler.AbstractWebSocketHandler",
      WS + "handler.BinaryWebSocketHandler", WS + "WebSocketHandler"};
  static final String SESSION = WS + "WebSocketSession";
  static final String[] MESSAGE_TYPES = {WS + "TextMessage", WS + "WebSocketMessage", WS + "BinaryMessage"};
  static final String CHANNEL_INTERCEPTOR = "org.springframework.messaging.support.ChannelInterceptor";
  static final String[] TEMPLATES = {"org.springframework.messaging.simp.SimpMessagingTemplate",
      "org.springframework.messaging.simp.SimpMessageSendingOperations"};
  static final String MESSAGE_MAPPING = "org.springframework.messaging.handler.annotation.MessageMapping";
  static final String SUBSCRIBE_MAPPING = "org.springframework.messaging.simp.annotation.SubscribeMapping";
  static final String SEND_TO = "org.springframework.messaging.handler.annotation.SendTo";
  static final String SEND_TO_USER = "org.springframework.messaging.simp.annotation.SendToUser";
  static final String PAYLOAD = "org.springframework.messaging.handler.annotation.Payload";
  static final String[] CONTROLLERS = {"org.springframework.stereotype.Controller",
      "org.springframework.web.bind.annotation.RestController"};
  static final String[] SECURITY_ANNOTATIONS = {
      "org.springframework.security.access.prepost.PreAuthorize",
      "org.springframework.security.access.annotation.Secured",
      "jakarta.annotation.security.RolesAllowed", "javax.annotation.security.RolesAllowed"};
  static final String VALUE = "org.springframework.beans.factory.annotation.Value";
  static final String CONFIG_PROPERTIES = "org.springframework.boot.context.properties.ConfigurationProperties";
  static final String HTTP_SECURITY = "org.springframework.security.config.annotation.web.builders.HttpSecurity";
  static final String SERVER_HTTP_SECURITY = "org.springframework.security.config.web.server.ServerHttpSecurity";
  static final String FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";
  static final String WEB_FILTER_CHAIN = "org.springframework.security.web.server.SecurityWebFilterChain";
  static final String WEB_CUSTOMIZER =
      "org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer";
  static final String AUTHORIZATION_MANAGER = "org.springframework.security.authorization.AuthorizationManager";
  static final String MESSAGE_REGISTRY =
      "org.springframework.security.config.annotation.web.messaging.MessageSecurityMetadataSourceRegistry";
  static final String ORDER = "org.springframework.core.annotation.Order";
  static final String[] FILTERS = {"org.springframework.web.filter.OncePerRequestFilter",
      "org.springframework.web.filter.GenericFilterBean", "jakarta.servlet.Filter", "javax.servlet.Filter"};

  private SpringTypes() {}

  /** True when the class extends or implements one of the types, as its imports name them. */
  static boolean isA(ClassOrInterfaceDeclaration c, JavaUnit unit, String... qualified) {
    for (ClassOrInterfaceType t : c.getExtendedTypes()) {
      if (is(t, unit, qualified)) {
        return true;
      }
    }
    for (ClassOrInterfaceType t : c.getImplementedTypes()) {
      if (is(t, unit, qualified)) {
        return true;
      }
    }
    return false;
  }

  static boolean isA(ObjectCreationExpr o, JavaUnit unit, String... qualified) {
    return is(o.getType(), unit, qualified);
  }

  private static boolean is(ClassOrInterfaceType t, JavaUnit unit, String... qualified) {
    for (String q : qualified) {
      if (unit.types().is(t.getNameWithScope(), q)) {
        return true;
      }
    }
    return false;
  }
}
