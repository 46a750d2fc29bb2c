package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpringFixesTest {
  private static final String WS_CONFIG = """
      package app;

      import org.springframework.context.annotation.Configuration;
      import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
      import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

      @Configuration
      public class WsConfig implements WebSocketConfigurer {
          private final FeedHandler feedHandler;

          public WsConfig(FeedHandler feedHandler) {
              this.feedHandler = feedHandler;
          }

          @Override
          public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
              registry.addHandler(feedHandler, "/feed")
                      .setAllowedOrigins("*");
          }
      }
      """;
  private static final String STOMP_CONFIG = """
      package app;

      import org.springframework.context.annotation.Configuration;
      import org.springframework.messaging.simp.config.MessageBrokerRegistry;
      import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
      import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

      @Configuration
      public class StompConfig implements WebSocketMessageBrokerConfigurer {
        @Override
        public void registerStompEndpoints(StompEndpointRegistry registry) {
          registry.addEndpoint("/stomp");
        }

        @Override
        public void configureMessageBroker(MessageBrokerRegistry registry) {
          registry.enableSimpleBroker("/topic");
        }
      }
      """;

  private static Endpoint endpoint(String path, String text) {
    return SpringScan.of(path, text).endpoints().stream().filter(e -> e.declaration().path().equals(path))
        .findFirst().orElseThrow();
  }

  private static Optional<Fix> render(FixIntent intent, String path, String text, FixContext context) {
    return new JavaFrontEnd().fixRenderer().render(intent, new SourceFile(path,
        text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static String apply(String text, Fix fix) {
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), fix.edits()), StandardCharsets.UTF_8);
  }

  private static Verifier verifier(String container, Verifier.Failure failure, boolean instance) {
    return new Verifier("verify", container, new SourceLocation("app/Tokens.java", 1, 1, 1, 2, 0, 1),
        Verifier.Input.TOKEN, failure, false, instance);
  }

  @Test
  void rendersAHandshakeInterceptorThatRejectsUntilWired() {
    Endpoint e = endpoint("app/WsConfig.java", WS_CONFIG);
    String patched = apply(WS_CONFIG, render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", WS_CONFIG,
        FixContext.EMPTY).orElseThrow());
    assertEquals("""
        package app;

        import java.security.Principal;
        import java.util.Map;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.http.HttpStatus;
        import org.springframework.http.server.ServerHttpRequest;
        import org.springframework.http.server.ServerHttpResponse;
        import org.springframework.web.socket.WebSocketHandler;
        import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
        import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
        import org.springframework.web.socket.server.HandshakeInterceptor;

        @Configuration
        public class WsConfig implements WebSocketConfigurer {
            private final FeedHandler feedHandler;

            public WsConfig(FeedHandler feedHandler) {
                this.feedHandler = feedHandler;
            }

            @Override
            public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
                registry.addHandler(feedHandler, "/feed")
                        .addInterceptors(new AuthenticatingHandshakeInterceptor())
                        .setAllowedOrigins("*");
            }

            /** Refuses the handshake with 401 unless the request carries a verified user, kept in the session. */
            static class AuthenticatingHandshakeInterceptor implements HandshakeInterceptor {
                @Override
                public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                        WebSocketHandler wsHandler, Map<String, Object> attributes) {
                    Principal user = authenticate(request);
                    if (user == null) {
                        response.setStatusCode(HttpStatus.UNAUTHORIZED);
                        return false;
                    }
                    attributes.put("user", user);
                    return true;
                }

                @Override
                public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
                        WebSocketHandler wsHandler, Exception exception) {
                    // nothing to do once the connection is up
                }

                // Rejects every handshake until it is wired to the app's own check of the request's credential (the
                // principal Spring Security established, or a token verified with the app's key): return the user, or
                // null to answer 401.
                private static Principal authenticate(ServerHttpRequest request) {
                    return null;
                }
            }
        }
        """, patched);
    // the recogniser takes the unwired stub for what it is: nobody gets through
    assertTrue(endpoint("app/WsConfig.java", patched).authenticated());
  }

  @Test
  void aStubThatComputesAnythingIsNoRejection() {
    String stubbed = apply(WS_CONFIG, render(new FixIntent.AddUpgradeAuth(endpoint("app/WsConfig.java",
        WS_CONFIG)), "app/WsConfig.java", WS_CONFIG, FixContext.EMPTY).orElseThrow());
    String computing = stubbed.replace("            return null;\n",
        "            String name = request.getURI().getQuery();\n            return null;\n");
    assertFalse(endpoint("app/WsConfig.java", computing).authenticated());
    // a null that means "nothing wrong" lets everyone through: only a rejection on the null result counts
    String inverted = stubbed.replace("if (user == null) {", "if (user != null) {");
    assertFalse(endpoint("app/WsConfig.java", inverted).authenticated());
    String error = stubbed.replace("Principal user = authenticate(request);\n            if (user == null) {",
        "Principal user = authenticate(request);\n            Principal error = authenticate(request);\n"
            + "            if (error != null) {");
    assertFalse(endpoint("app/WsConfig.java", error).authenticated());
  }

  @Test
  void callsAStaticTokenVerifierFromTheQueryAndCatchesItsFailure() {
    Endpoint e = endpoint("app/WsConfig.java", WS_CONFIG);
    FixContext context = new FixContext(List.of(verifier("app.security.Tokens", Verifier.Failure.THROWS, false)));
    String patched = apply(WS_CONFIG, render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", WS_CONFIG,
        context).orElseThrow());
    assertTrue(patched.contains("import app.security.Tokens;\n"), patched);
    assertTrue(patched.contains("import org.springframework.web.util.UriComponentsBuilder;\n"), patched);
    assertTrue(patched.contains("""
                    String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams()
                            .getFirst("access_token");
                    Object user;
                    try {
                        user = token == null ? null : Tokens.verify(token);
                    } catch (RuntimeException e) {
                        user = null;
                    }
                    if (user == null) {
        """), patched);
    assertFalse(patched.contains("private static Principal authenticate"), patched);
    assertTrue(patched.contains("    static class AuthenticatingHandshakeInterceptor"), patched);
  }

  @Test
  void callsAnInstanceVerifierThroughTheBeanTheConfigHolds() {
    String text = WS_CONFIG.replace("import org.springframework.context",
        "import app.security.TokenService;\nimport org.springframework.context")
        .replace("    private final FeedHandler feedHandler;\n",
            "    private final FeedHandler feedHandler;\n    private final TokenService tokenService = null;\n");
    Endpoint e = endpoint("app/WsConfig.java", text);
    FixContext context = new FixContext(List.of(verifier("app.security.TokenService", Verifier.Failure.RETURNS_FALSY,
        true)));
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", text, context)
        .orElseThrow());
    assertTrue(patched.contains("    class AuthenticatingHandshakeInterceptor implements"), patched);
    assertTrue(patched.contains("Object user = token == null ? null : tokenService.verify(token);\n"), patched);
    assertTrue(patched.contains("if (user == null || Boolean.FALSE.equals(user)) {"), patched);
  }

  @Test
  void anInstanceVerifierWithoutItsBeanFallsBackToThePlaceholder() {
    Endpoint e = endpoint("app/WsConfig.java", WS_CONFIG);
    FixContext context = new FixContext(List.of(verifier("app.security.TokenService", Verifier.Failure.THROWS,
        true)));
    String patched = apply(WS_CONFIG, render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", WS_CONFIG,
        context).orElseThrow());
    assertTrue(patched.contains("private static Principal authenticate(ServerHttpRequest request)"), patched);
  }

  @Test
  void usesSpringSecuritysPrincipalWhereItAuthenticatesTheOtherPaths() {
    String config = WS_CONFIG.replace("\"/feed\")", "\"/feed\", \"/public/feed\")");
    String security = """
        package app;
        import org.springframework.context.annotation.Bean;
        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
        import org.springframework.security.web.SecurityFilterChain;
        public class Sec {
          @Bean
          SecurityFilterChain chain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.requestMatchers("/public/**").permitAll()
                .anyRequest().authenticated()).formLogin(f -> {});
            return http.build();
          }
        }
        """;
    Endpoint e = SpringScan.of("app/WsConfig.java", config, "app/Sec.java", security).only();
    String patched = apply(config, render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", config,
        FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("Principal user = request.getPrincipal();\n"), patched);
    assertFalse(patched.contains("authenticate("), patched);
    assertTrue(SpringScan.of("app/WsConfig.java", patched, "app/Sec.java", security).only().authenticated());
  }

  @Test
  void refusesADirectlyWiredHandlerAndATakenName() {
    String direct = """
        package app;
        import java.util.Map;
        import org.springframework.context.annotation.Bean;
        import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
        import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;
        public class Direct {
          @Bean
          public SimpleUrlHandlerMapping mapping(FeedHandler feed) {
            WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(feed);
            return new SimpleUrlHandlerMapping(Map.of("/feed", handler), 1);
          }
        }
        """;
    Endpoint e = endpoint("app/Direct.java", direct);
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(e), "app/Direct.java", direct,
        FixContext.EMPTY));
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(e), "app/Direct.java", direct,
        FixContext.EMPTY));
    String taken = WS_CONFIG.replace("private final FeedHandler feedHandler;",
        "private final FeedHandler feedHandler;\n    private Object AuthenticatingHandshakeInterceptor;");
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(endpoint("app/WsConfig.java", taken)),
        "app/WsConfig.java", taken, FixContext.EMPTY));
  }

  @Test
  void leavesAnEndpointWithItsOwnWeakInterceptorToThatInterceptorsRepair() {
    String text = WS_CONFIG.replace("import org.springframework.context",
        "import java.util.Map;\nimport org.springframework.http.server.ServerHttpRequest;\n"
            + "import org.springframework.http.server.ServerHttpResponse;\n"
            + "import org.springframework.web.socket.WebSocketHandler;\n"
            + "import org.springframework.web.socket.server.HandshakeInterceptor;\nimport org.springframework.context")
        .replace(".setAllowedOrigins(\"*\");", """
            .addInterceptors(new HandshakeInterceptor() {
                        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                WebSocketHandler h, Map<String, Object> attributes) {
                            String token = request.getHeaders().getFirst("Authorization");
                            if (token == null || token.isBlank()) {
                                return false;
                            }
                            attributes.put("token", token);
                            return true;
                        }
                        public void afterHandshake(ServerHttpRequest a, ServerHttpResponse b, WebSocketHandler c,
                                Exception d) {}
                    });""");
    Endpoint e = endpoint("app/WsConfig.java", text);
    assertFalse(e.authenticated());
    assertEquals(Optional.empty(), render(new FixIntent.AddUpgradeAuth(e), "app/WsConfig.java", text,
        FixContext.EMPTY));
  }

  @Test
  void addsAConnectInterceptorAndTheInboundChannelOverride() {
    Endpoint e = endpoint("app/StompConfig.java", STOMP_CONFIG);
    String patched = apply(STOMP_CONFIG, render(new FixIntent.AddUpgradeAuth(e), "app/StompConfig.java",
        STOMP_CONFIG, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("""
          @Override
          public void configureClientInboundChannel(ChannelRegistration registration) {
            registration.interceptors(new ConnectAuthenticationInterceptor());
          }

          /** Authenticates the STOMP CONNECT frame: no verified user, no session (Spring answers an ERROR frame). */
          static class ConnectAuthenticationInterceptor implements ChannelInterceptor {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
              StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
              if (accessor != null && StompCommand.CONNECT.equals(accessor.getCommand())) {
                Principal user = authenticate(accessor);
                if (user == null) {
                  throw new MessagingException("Unauthorized");
                }
                accessor.setUser(user);
              }
              return message;
            }
        """), patched);
    assertTrue(patched.contains("import org.springframework.messaging.simp.config.ChannelRegistration;\n"));
    assertTrue(endpoint("app/StompConfig.java", patched).authenticated());
  }

  @Test
  void registersTheConnectInterceptorFirstInAnExistingOverride() {
    String text = STOMP_CONFIG.replace("import org.springframework.messaging.simp.config.MessageBrokerRegistry;",
        "import org.springframework.messaging.simp.config.ChannelRegistration;\n"
            + "import org.springframework.messaging.simp.config.MessageBrokerRegistry;")
        .replace("  @Override\n  public void configureMessageBroker", """
              @Override
              public void configureClientInboundChannel(ChannelRegistration channel) {
                channel.taskExecutor();
              }

              @Override
              public void configureMessageBroker""");
    FixContext context = new FixContext(List.of(verifier("app.Tokens", Verifier.Failure.THROWS, false)));
    String patched = apply(text, render(new FixIntent.AddUpgradeAuth(endpoint("app/StompConfig.java", text)),
        "app/StompConfig.java", text, context).orElseThrow());
    assertTrue(patched.contains("""
              channel.interceptors(new ConnectAuthenticationInterceptor());
              channel.taskExecutor();
            """), patched);
    assertTrue(patched.contains("String authorization = accessor.getFirstNativeHeader(\"Authorization\");"));
    assertTrue(patched.contains("user = token == null ? null : Tokens.verify(token);"), patched);
    assertFalse(patched.contains("import app.Tokens;"), "same package: no import");
  }

  @Test
  void readsOriginsFromAnEmptyByDefaultProperty() {
    Endpoint e = endpoint("app/WsConfig.java", WS_CONFIG);
    String patched = apply(WS_CONFIG, render(new FixIntent.RestrictOrigins(e), "app/WsConfig.java", WS_CONFIG,
        FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("""
        public class WsConfig implements WebSocketConfigurer {
            // the origins of the app's own pages, comma-separated; empty allows same-origin handshakes only
            @Value("${app.websocket.allowed-origins:}")
            private String[] allowedOrigins;

            private final FeedHandler feedHandler;
        """), patched);
    assertTrue(patched.contains(".setAllowedOrigins(allowedOrigins);"), patched);
    assertTrue(patched.contains("import org.springframework.beans.factory.annotation.Value;\n"), patched);
    assertEquals(OriginPolicy.Kind.SAME_ORIGIN_DEFAULT,
        endpoint("app/WsConfig.java", patched).originPolicy().kind());
  }

  @Test
  void leavesOriginsFromConfigurationAlone() {
    String text = WS_CONFIG.replace("import org.springframework.context",
        "import org.springframework.beans.factory.annotation.Value;\nimport org.springframework.context")
        .replace("    private final FeedHandler feedHandler;\n",
            "    private final FeedHandler feedHandler;\n    @Value(\"${ws.origins:*}\")\n    private String origins;\n")
        .replace(".setAllowedOrigins(\"*\")", ".setAllowedOrigins(origins)");
    Endpoint e = endpoint("app/WsConfig.java", text);
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertEquals(Optional.empty(), render(new FixIntent.RestrictOrigins(e), "app/WsConfig.java", text,
        FixContext.EMPTY));
  }

  private static final String CONTROLLER = """
      package app;

      import java.security.Principal;
      import org.springframework.messaging.handler.annotation.MessageMapping;
      import org.springframework.messaging.handler.annotation.SendTo;
      import org.springframework.messaging.simp.SimpMessagingTemplate;
      import org.springframework.scheduling.annotation.Scheduled;
      import org.springframework.stereotype.Controller;

      @Controller
      public class Ctl {
        private final SimpMessagingTemplate template;
        private final AccountRepository accounts;

        public Ctl(SimpMessagingTemplate template, AccountRepository accounts) {
          this.template = template;
          this.accounts = accounts;
        }

        @MessageMapping("/balance")
        public void balance(String accountId, Principal principal) {
          template.convertAndSend("/topic/balance", accounts.findBalanceById(accountId));
        }

        @MessageMapping("/me")
        @SendTo("/topic/me")
        public Object me(Principal principal) {
          return accounts.findByUsername(principal.getName());
        }

        @Scheduled(fixedRate = 5000)
        public void push() {
          template.convertAndSend("/topic/all", accounts.findAll());
        }
      }
      """;

  private static Send send(Endpoint e, String onLineWith) {
    String[] lines = CONTROLLER.split("\n");
    return e.sends().stream().filter(s -> s.audience() == Audience.ALL_CONNECTIONS
        && lines[s.location().startLine() - 1].contains(onLineWith)).findFirst().orElseThrow();
  }

  @Test
  void scopesStompSendsToTheSendersUser() {
    Endpoint e = SpringScan.of("app/StompConfig.java", STOMP_CONFIG, "app/Ctl.java", CONTROLLER).only();
    Fix template = render(new FixIntent.ScopeSendToUser(e, send(e, "/topic/balance")), "app/Ctl.java", CONTROLLER,
        FixContext.EMPTY).orElseThrow();
    assertTrue(apply(CONTROLLER, template).contains(
        "template.convertAndSendToUser(principal.getName(), \"/topic/balance\", accounts.findBalanceById(accountId));"));
    String annotated = apply(CONTROLLER, render(new FixIntent.ScopeSendToUser(e, send(e, "@SendTo")), "app/Ctl.java",
        CONTROLLER, FixContext.EMPTY).orElseThrow());
    assertTrue(annotated.contains("  @SendToUser(\"/topic/me\")\n"), annotated);
    assertTrue(annotated.contains("import org.springframework.messaging.simp.annotation.SendToUser;\n"), annotated);
    // a scheduled job has no sender: whom its data is for is the app's decision
    assertEquals(Optional.empty(), render(new FixIntent.ScopeSendToUser(e, send(e, "/topic/all")), "app/Ctl.java",
        CONTROLLER, FixContext.EMPTY));
  }

  private static final String ADMIN_CONTROLLER = """
      package app;

      import org.springframework.messaging.handler.annotation.MessageMapping;
      import org.springframework.messaging.handler.annotation.Payload;
      import org.springframework.stereotype.Controller;

      @Controller
      public class AdminCtl {
        private final AccountRepository accounts;

        public AdminCtl(AccountRepository accounts) {
          this.accounts = accounts;
        }

        @MessageMapping("/accounts.delete")
        public void deleteAccount(@Payload String accountId) {
          accounts.deleteById(accountId);
        }

        @MessageMapping("/accounts.reset")
        public void resetAll() {
          // wipes every balance
          accounts.resetBalances();
        }
      }
      """;

  private static MessageHandler handler(Endpoint e, String method) {
    String[] lines = ADMIN_CONTROLLER.split("\n");
    return e.handlers().stream().filter(h -> h.privileged() && lines[h.location().startLine() - 1].contains(method))
        .findFirst().orElseThrow();
  }

  @Test
  void checksTheMessagesUserBeforeAPrivilegedStompActionAddingThePrincipal() {
    Endpoint e = SpringScan.of("app/StompConfig.java", STOMP_CONFIG, "app/AdminCtl.java", ADMIN_CONTROLLER).only();
    String patched = apply(ADMIN_CONTROLLER, render(new FixIntent.AddPermissionCheck(e,
        handler(e, "deleteAccount")), "app/AdminCtl.java", ADMIN_CONTROLLER, FixContext.EMPTY)
        .orElseThrow());
    assertTrue(patched.contains("""
          @MessageMapping("/accounts.delete")
          public void deleteAccount(@Payload String accountId, Principal principal) {
            if (!isAllowed(principal, "/accounts.delete")) {
              throw new MessagingException("Forbidden: /accounts.delete");
            }
            accounts.deleteById(accountId);
        """), patched);
    assertTrue(patched.contains("""
          // Denies every action until it is wired to the app's permission model (the user's roles, or whether
          // the user owns what the message names): return true only when the user may perform the action.
          private static boolean isAllowed(Principal user, String action) {
            return false;
          }
        }
        """), patched);
    Endpoint after = SpringScan.of("app/StompConfig.java", STOMP_CONFIG, "app/AdminCtl.java", patched).only();
    assertEquals(PermissionCheck.PRESENT, after.handlers().stream()
        .filter(h -> h.messageType().equals("/accounts.delete")).findFirst().orElseThrow().permissionCheck());
    // the second handler reuses the helper the first patch added, and its comment stays with its statement
    String second = apply(patched, render(new FixIntent.AddPermissionCheck(after, after.handlers().stream()
        .filter(h -> h.messageType().equals("/accounts.reset")).findFirst().orElseThrow()), "app/AdminCtl.java",
        patched, FixContext.EMPTY).orElseThrow());
    assertTrue(second.contains("""
          public void resetAll(Principal principal) {
            if (!isAllowed(principal, "/accounts.reset")) {
              throw new MessagingException("Forbidden: /accounts.reset");
            }
            // wipes every balance
        """), second);
    assertEquals(1, second.split("boolean isAllowed", -1).length - 1);
  }

  @Test
  void closesTheSessionWhenAWebSocketUserMayNotAndRefusesArrowCases() {
    String handler = """
        package app;

        import java.io.IOException;
        import org.springframework.web.socket.TextMessage;
        import org.springframework.web.socket.WebSocketSession;
        import org.springframework.web.socket.handler.TextWebSocketHandler;

        public class FeedHandler extends TextWebSocketHandler {
            private final OrderRepository orders = new OrderRepository();

            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
                String command = message.getPayload();
                if ("purge".equals(command)) {
                    orders.deleteAll();
                }
                switch (command) {
                    case "drop" -> orders.deleteAll();
                    default -> session.sendMessage(message);
                }
            }
        }
        """;
    Endpoint e = SpringScan.of("app/WsConfig.java", WS_CONFIG, "app/FeedHandler.java", handler).only();
    MessageHandler purge = e.handlers().stream().filter(h -> "purge".equals(h.messageType()))
        .findFirst().orElseThrow();
    String patched = apply(handler, render(new FixIntent.AddPermissionCheck(e, purge), "app/FeedHandler.java",
        handler, FixContext.EMPTY).orElseThrow());
    assertTrue(patched.contains("""
                if ("purge".equals(command)) {
                    if (!isAllowed(session.getPrincipal(), "purge")) {
                        session.close(CloseStatus.POLICY_VIOLATION);
                        return;
                    }
                    orders.deleteAll();
        """), patched);
    MessageHandler drop = e.handlers().stream().filter(h -> "drop".equals(h.messageType()))
        .findFirst().orElseThrow();
    assertEquals(Optional.empty(), render(new FixIntent.AddPermissionCheck(e, drop), "app/FeedHandler.java", handler,
        FixContext.EMPTY));
  }
}
