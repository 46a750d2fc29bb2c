package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpringWebSocketTest {
  private static final String CONFIG = """
      package app;
      import org.springframework.web.socket.config.annotation.*;
      @EnableWebSocket
      public class WsConfig implements WebSocketConfigurer {
        private final ChatHandler chatHandler;
        public WsConfig(ChatHandler chatHandler) { this.chatHandler = chatHandler; }
        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
          registry.addHandler(chatHandler, "/ws/chat")%s;
        }
      }
      """;
  private static final String HANDLER = """
      package app;
      import java.util.*;
      import org.springframework.web.socket.*;
      import org.springframework.web.socket.handler.TextWebSocketHandler;
      public class ChatHandler extends TextWebSocketHandler {
        private final Set<WebSocketSession> sessions = new HashSet<>();
        private final RoomService roomService = new RoomService();
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
          String payload = message.getPayload();
          switch (payload) {
            case "wipe":
              roomService.deleteAll();
              break;
            default:
              for (WebSocketSession s : sessions) {
                if (s != session) {
                  s.sendMessage(new TextMessage(payload));
                }
              }
          }
        }
      }
      """;

  private static Endpoint scan(String chain, String... more) {
    String[] files = new String[4 + more.length];
    files[0] = "src/main/java/app/WsConfig.java";
    files[1] = CONFIG.formatted(chain);
    files[2] = "src/main/java/app/ChatHandler.java";
    files[3] = HANDLER;
    System.arraycopy(more, 0, files, 4, more.length);
    return SpringScan.of(files).only();
  }

  @Test
  void registryEndpointIsSameOriginOnlyByDefault() {
    Endpoint e = scan("");
    assertEquals(Framework.SPRING_WS, e.framework());
    assertEquals(java.util.List.of("/ws/chat"), e.paths());
    assertEquals(OriginPolicy.Kind.SAME_ORIGIN_DEFAULT, e.originPolicy().kind());
    assertTrue(e.guards().isEmpty());
  }

  @Test
  void wildcardOriginIsAnyAtTheSetterCall() {
    Endpoint e = scan("\n      .setAllowedOriginPatterns(\"*\")");
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertEquals(10, e.originPolicy().location().startLine());
  }

  @Test
  void listedOriginsAreAnAllowList() {
    assertEquals(OriginPolicy.Kind.ALLOW_LIST,
        scan(".setAllowedOrigins(\"https://app.example.com\")").originPolicy().kind());
  }

  @Test
  void originsFromValuePlaceholderResolveThroughApplicationYaml() {
    String config = """
        package app;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.web.socket.config.annotation.*;
        public class WsConfig implements WebSocketConfigurer {
          @Value("${app.ws.origins:https://default.example.com}")
          private String[] origins;
          public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new ChatHandler(), "/ws").setAllowedOrigins(origins);
          }
        }
        """;
    Endpoint configured = SpringScan.of("src/main/java/app/WsConfig.java", config,
        "src/main/resources/application.yml", "app:\n  ws:\n    origins: \"*\"\n").only();
    assertEquals(OriginPolicy.Kind.ANY, configured.originPolicy().kind());
    Endpoint fallback = SpringScan.of("src/main/java/app/WsConfig.java", config).only();
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, fallback.originPolicy().kind());
  }

  @Test
  void handlerInAnotherFileGivesHandlersAndSends() {
    Endpoint e = scan("");
    MessageHandler wipe = e.handlers().stream().filter(h -> "wipe".equals(h.messageType())).findFirst()
        .orElseThrow();
    assertTrue(wipe.privileged());
    assertEquals(PermissionCheck.ABSENT, wipe.permissionCheck());
    Send relay = e.sends().get(0);
    assertEquals(Audience.ALL_BUT_SENDER, relay.audience());
    assertEquals(Provenance.ECHO, relay.provenance());
  }

  private static String security(String rules, String extra) {
    return """
        package app;
        import org.springframework.context.annotation.Bean;
        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
        import org.springframework.security.web.SecurityFilterChain;
        public class Sec {
          @Bean
          SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a%s)%s.build();
          }
        }
        """.formatted(rules, extra);
  }

  @Test
  void firstMatchingSecurityRuleDecides() {
    Endpoint open = scan("", "src/main/java/app/Sec.java",
        security(".requestMatchers(\"/ws/**\").permitAll().anyRequest().authenticated()", ""));
    assertTrue(open.guards().isEmpty(), "permitAll on the endpoint path is no authentication");
    Endpoint closed = scan("", "src/main/java/app/Sec.java",
        security(".requestMatchers(\"/api/**\").permitAll().anyRequest().authenticated()", ""));
    HandshakeGuard g = closed.guards().get(0);
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(GuardPlace.HANDSHAKE, g.place());
    assertEquals(Set.of(CredentialSource.HTTP_SESSION), closed.credentials());
  }

  @Test
  void jwtResourceServerAuthenticatesWithAnExplicitToken() {
    Endpoint e = scan("", "src/main/java/app/Sec.java",
        security(".anyRequest().authenticated()", ".oauth2ResourceServer(o -> o.jwt(j -> {}))"));
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
  }

  @Test
  void securityChainOfAnotherModuleDoesNotCoverTheEndpoint() {
    Endpoint e = scan("", "other/src/main/java/app/Sec.java", security(".anyRequest().authenticated()", ""));
    assertTrue(e.guards().isEmpty());
  }

  private static final String INTERCEPTOR = """
      package app;
      import java.util.Map;
      import org.springframework.http.server.*;
      import org.springframework.web.socket.WebSocketHandler;
      import org.springframework.web.socket.server.HandshakeInterceptor;
      public class TokenInterceptor implements HandshakeInterceptor {
        private final TokenService tokens;
        public TokenInterceptor(TokenService tokens) { this.tokens = tokens; }
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
            WebSocketHandler h, Map<String, Object> attributes) {
          String token = request.getHeaders().getFirst("Authorization");
          %s
        }
        public void afterHandshake(ServerHttpRequest a, ServerHttpResponse b, WebSocketHandler c, Exception d) {}
      }
      """;
  private static final String TOKEN_SERVICE = """
      package app;
      import org.springframework.security.oauth2.jwt.JwtDecoder;
      public class TokenService {
        private final JwtDecoder decoder;
        public TokenService(JwtDecoder decoder) { this.decoder = decoder; }
        public boolean valid(String token) {
          try { decoder.decode(token); return true; } catch (RuntimeException e) { return false; }
        }
      }
      """;

  private static Endpoint withInterceptor(String body) {
    return scan(".addInterceptors(new TokenInterceptor(null))",
        "src/main/java/app/TokenInterceptor.java", INTERCEPTOR.formatted(body),
        "src/main/java/app/TokenService.java", TOKEN_SERVICE);
  }

  @Test
  void interceptorRejectingThroughAVerifyingHelperIsVerified() {
    Endpoint e = withInterceptor("if (!tokens.valid(token)) { return false; } return true;");
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), e.credentials());
    assertFalse(e.guards().get(0).related().isEmpty(), "the helper is named as evidence");
  }

  @Test
  void interceptorThatOnlyLogsFailsOpen() {
    Endpoint e = withInterceptor("if (!tokens.valid(token)) { System.out.println(\"bad\"); } return true;");
    assertEquals(Strength.FAILS_OPEN, e.guards().get(0).strength(), e.guards() + " " + e.unknowns());
  }

  @Test
  void interceptorCheckingOnlyPresenceIsNotVerification() {
    Endpoint e = withInterceptor("if (token == null || token.isBlank()) { return false; } return true;");
    assertEquals(Strength.DECODED_ONLY, e.guards().get(0).strength());
    assertTrue(e.guards().get(0).description().contains("only checks that a credential is present"));
  }
}
