package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebFluxTest {
  private static final String MAPPING = """
      package app;
      import java.util.*;
      import org.springframework.context.annotation.Bean;
      import org.springframework.web.cors.CorsConfiguration;
      import org.springframework.web.reactive.HandlerMapping;
      import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
      class Routes {
        @Bean
        HandlerMapping mapping(FeedHandler feed) {
          %s
        }
      }
      """;
  private static final String HANDLER = """
      package app;
      import java.util.*;
      import java.util.concurrent.ConcurrentHashMap;
      import org.springframework.web.reactive.socket.*;
      import reactor.core.publisher.Mono;
      public class FeedHandler implements WebSocketHandler {
        private static final Set<WebSocketSession> SESSIONS = ConcurrentHashMap.newKeySet();
        private final AccountRepository accounts;
        FeedHandler(AccountRepository accounts) { this.accounts = accounts; }
        @Override
        public Mono<Void> handle(WebSocketSession session) {
          SESSIONS.add(session);
          return session.receive().map(WebSocketMessage::getPayloadAsText).flatMap(this::command).then();
        }
        private Mono<Void> command(String text) {
          if (text.startsWith("close:")) {
            accounts.deleteById(text.substring(6));
          }
          for (WebSocketSession s : SESSIONS) {
            s.send(Mono.just(s.textMessage(accounts.findAll().toString()))).subscribe();
          }
          return Mono.empty();
        }
      }
      """;

  private static Endpoint scan(String mapping, String... more) {
    String[] files = new String[4 + more.length];
    files[0] = "src/main/java/app/Routes.java";
    files[1] = MAPPING.formatted(mapping);
    files[2] = "src/main/java/app/FeedHandler.java";
    files[3] = HANDLER;
    System.arraycopy(more, 0, files, 4, more.length);
    return SpringScan.of(files).only();
  }

  @Test
  void readsAMappingBuiltWithItsUrlMapAndTheHandlerClass() {
    Endpoint e = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);");
    assertEquals(Framework.SPRING_WEBFLUX, e.framework());
    assertEquals(List.of("/feed"), e.paths());
    assertEquals(10, e.declaration().startLine());
    assertEquals(List.of(), e.guards());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertEquals(List.of(), e.unknowns());
  }

  @Test
  void readsAUrlMapFilledWithPutAndSetLater() {
    Endpoint e = scan("""
        Map<String, Object> urls = new HashMap<>();
        urls.put("/a", feed);
        urls.put("/b", feed);
        SimpleUrlHandlerMapping m = new SimpleUrlHandlerMapping();
        m.setUrlMap(urls);
        return m;""");
    assertEquals(List.of("/a", "/b"), e.paths());
    assertEquals(14, e.declaration().startLine()); // the setUrlMap call
  }

  @Test
  void sendsInALoopOverStoredSessionsReachEveryone() {
    Send send = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);").sends().get(0);
    assertEquals(Audience.ALL_CONNECTIONS, send.audience());
    assertEquals(Provenance.SENSITIVE, send.provenance()); // records read from a repository
  }

  @Test
  void aHelperTheMessageIsHandedToIsTheMessageHandler() {
    var handlers = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);").handlers();
    assertEquals(1, handlers.size());
    assertTrue(handlers.get(0).privileged());
    assertEquals(PermissionCheck.ABSENT, handlers.get(0).permissionCheck());
  }

  @Test
  void corsOnTheMappingCoveringThePathIsAnAllowList() {
    Endpoint e = scan("""
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("https://app.example.com"));
        SimpleUrlHandlerMapping m = new SimpleUrlHandlerMapping(Map.of("/feed", feed), -1);
        m.setCorsConfigurations(Map.of("/**", cors));
        return m;""");
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void corsForOtherPathsOrPermittingEveryOriginChecksNothing() {
    Endpoint other = scan("""
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("https://app.example.com");
        SimpleUrlHandlerMapping m = new SimpleUrlHandlerMapping(Map.of("/feed", feed), -1);
        m.setCorsConfigurations(Map.of("/api/**", cors));
        return m;""");
    assertEquals(OriginPolicy.Kind.ANY, other.originPolicy().kind());
    Endpoint permitAll = scan("""
        SimpleUrlHandlerMapping m = new SimpleUrlHandlerMapping(Map.of("/feed", feed), -1);
        m.setCorsConfigurations(Map.of("/**", new CorsConfiguration().applyPermitDefaultValues()));
        return m;""");
    assertEquals(OriginPolicy.Kind.ANY, permitAll.originPolicy().kind());
    assertEquals(11, permitAll.originPolicy().location().startLine());
  }

  @Test
  void aReactiveSecurityChainCoveringThePathAuthenticates() {
    String security = """
        package app;
        import org.springframework.context.annotation.Bean;
        import org.springframework.security.config.web.server.ServerHttpSecurity;
        import org.springframework.security.web.server.SecurityWebFilterChain;
        class Security {
          @Bean
          SecurityWebFilterChain chain(ServerHttpSecurity http) {
            return http.authorizeExchange(ex -> ex
                .pathMatchers("/public/**").permitAll()
                .pathMatchers("/{*rest}").%s())
              .formLogin(f -> {})
              .build();
          }
        }
        """;
    Endpoint e = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);",
        "src/main/java/app/Security.java", security.formatted("authenticated"));
    assertEquals(Strength.VERIFIED, e.guards().get(0).strength());
    assertEquals(Set.of(CredentialSource.HTTP_SESSION), e.credentials());
    Endpoint open = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);",
        "src/main/java/app/Security.java", security.formatted("permitAll"));
    assertEquals(List.of(), open.guards());
  }

  @Test
  void aLambdaHandlerThatClosesWithoutAPrincipalGuardsTheConnection() {
    Endpoint e = SpringScan.of("src/main/java/app/Routes.java", """
        package app;
        import java.util.Map;
        import org.springframework.web.reactive.HandlerMapping;
        import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
        import org.springframework.web.reactive.socket.CloseStatus;
        import org.springframework.web.reactive.socket.WebSocketHandler;
        import reactor.core.publisher.Mono;
        class Routes {
          HandlerMapping mapping() {
            WebSocketHandler handler = session -> session.getHandshakeInfo().getPrincipal()
                .flatMap(p -> session.send(Mono.just(session.textMessage("hi " + p.getName()))))
                .switchIfEmpty(session.close(CloseStatus.POLICY_VIOLATION));
            return new SimpleUrlHandlerMapping(Map.of("/me", handler), 0);
          }
        }
        """).only();
    assertEquals(GuardPlace.CONNECTION, e.guards().get(0).place());
    assertEquals(Strength.VERIFIED, e.guards().get(0).strength());
  }

  @Test
  void valuesEmittedIntoASharedSinkReachEveryConnection() {
    Endpoint e = SpringScan.of("src/main/java/app/Chat.java", """
        package app;
        import java.util.Map;
        import org.springframework.web.reactive.HandlerMapping;
        import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
        import org.springframework.web.reactive.socket.WebSocketHandler;
        import org.springframework.web.reactive.socket.WebSocketSession;
        import reactor.core.publisher.Mono;
        import reactor.core.publisher.Sinks;
        class Chat implements WebSocketHandler {
          private final Sinks.Many<String> sink = Sinks.many().multicast().onBackpressureBuffer();
          private final ProfileService profiles;
          Chat(ProfileService profiles) { this.profiles = profiles; }
          public Mono<Void> handle(WebSocketSession session) {
            Mono<Void> in = session.receive().doOnNext(m -> sink.tryEmitNext(profiles.userProfile(m.getPayloadAsText()))).then();
            return Mono.zip(in, session.send(sink.asFlux().map(session::textMessage))).then();
          }
          HandlerMapping mapping() {
            return new SimpleUrlHandlerMapping(Map.of("/chat", this), 0);
          }
        }
        """).only();
    Send send = e.sends().stream().filter(s -> s.audience() == Audience.ALL_CONNECTIONS).findFirst().orElseThrow();
    assertEquals(14, send.location().startLine());
    assertEquals(Provenance.PER_USER, send.provenance());
  }

  private static final String SERVICE = """
      package app;
      import java.util.Set;
      import org.springframework.http.HttpStatus;
      import org.springframework.web.reactive.socket.WebSocketHandler;
      import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
      import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
      import org.springframework.web.server.ServerWebExchange;
      import reactor.core.publisher.Mono;
      class Origins extends HandshakeWebSocketService {
        private final Set<String> allowed = Set.of("https://app.example.com");
        @Override
        public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
          String origin = exchange.getRequest().getHeaders().getOrigin();
          if (%s) {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            return exchange.getResponse().setComplete();
          }
          return super.handleRequest(exchange, handler);
        }
        WebSocketHandlerAdapter adapter() {
          return new WebSocketHandlerAdapter(new Origins());
        }
      }
      """;

  @Test
  void theAdaptersHandshakeServiceDecidesTheOriginWhereCorsDoesNot() {
    String mapping = "return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);";
    Endpoint listed = scan(mapping, "src/main/java/app/Origins.java", SERVICE.formatted("!allowed.contains(origin)"));
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, listed.originPolicy().kind());
    Endpoint loose = scan(mapping, "src/main/java/app/Origins.java",
        SERVICE.formatted("!origin.endsWith(\"example.com\")"));
    assertEquals(OriginPolicy.Kind.UNKNOWN, loose.originPolicy().kind());
  }

  @Test
  void aCorsWebFilterCoversEveryHandshakeOfTheModule() {
    Endpoint e = scan("return new SimpleUrlHandlerMapping(Map.of(\"/feed\", feed), -1);",
        "src/main/java/app/Cors.java", """
        package app;
        import java.util.List;
        import org.springframework.web.cors.CorsConfiguration;
        import org.springframework.web.cors.reactive.CorsWebFilter;
        import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
        class Cors {
          CorsWebFilter corsWebFilter() {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(List.of("https://app.example.com"));
            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
            source.registerCorsConfiguration("/**", config);
            return new CorsWebFilter(source);
          }
        }
        """);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }
}
