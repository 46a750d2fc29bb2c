package dev.wsguard.core.model;

/** WebSocket server frameworks; {@link #token()} is the name used in messages, SARIF properties and docs. */
public enum Framework {
  WS("ws", Language.JAVASCRIPT),
  SOCKET_IO("socket.io", Language.JAVASCRIPT),
  SOCKET_IO_NAMESPACE("socket.io namespace", Language.JAVASCRIPT),
  EXPRESS_WS("express-ws", Language.JAVASCRIPT),
  FASTIFY_WEBSOCKET("fastify-websocket", Language.JAVASCRIPT),
  UWS("uws", Language.JAVASCRIPT),
  NESTJS_GATEWAY("nestjs-gateway", Language.JAVASCRIPT),
  JAKARTA("jakarta", Language.JAVA),
  SPRING_WS("spring-ws", Language.JAVA),
  SPRING_STOMP("spring-stomp", Language.JAVA),
  SPRING_WEBFLUX("spring-webflux", Language.JAVA),
  JAVA_WEBSOCKET("java-websocket", Language.JAVA),
  NETTY("netty", Language.JAVA),
  QUARKUS("quarkus", Language.JAVA),
  MICRONAUT("micronaut", Language.JAVA);

  private final String token;
  private final Language family;

  Framework(String token, Language family) {
    this.token = token;
    this.family = family;
  }

  public String token() {
    return token;
  }

  /** JAVASCRIPT for every Node framework (TypeScript included), JAVA for the JVM ones. */
  public Language family() {
    return family;
  }
}
