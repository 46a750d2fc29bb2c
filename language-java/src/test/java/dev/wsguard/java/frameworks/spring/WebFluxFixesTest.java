package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.engine.SourceFile;
import dev.wsguard.core.fix.Fix;
import dev.wsguard.core.fix.FixContext;
import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.fix.Patches;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.SourceLocation;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.JavaFrontEnd;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebFluxFixesTest {
  private static final String PATH = "app/FeedConfig.java";
  private static final String CONFIG = """
      package app;

      import java.util.Map;
      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.web.reactive.HandlerMapping;
      import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
      import org.springframework.web.reactive.socket.WebSocketHandler;
      import org.springframework.web.reactive.socket.WebSocketSession;
      import reactor.core.publisher.Mono;

      @Configuration
      class FeedConfig {
          @Bean
          HandlerMapping feedMapping(FeedHandler handler) {
              return new SimpleUrlHandlerMapping(Map.of("/feed", handler), -1);
          }
      }

      class FeedHandler implements WebSocketHandler {
          @Override
          public Mono<Void> handle(WebSocketSession session) {
              return session.send(session.receive().map(m -> session.textMessage("ok")));
          }
      }
      """;

  private static Endpoint endpoint(String text) {
    return SpringScan.of(PATH, text).endpoints().stream().filter(e -> e.declaration().path().equals(PATH))
        .findFirst().orElseThrow();
  }

  private static Optional<Fix> render(FixIntent intent, String text, FixContext context) {
    return new JavaFrontEnd().fixRenderer().render(intent, new SourceFile(PATH,
        text.getBytes(StandardCharsets.UTF_8)), context);
  }

  private static Optional<Fix> origins(String text) {
    return render(new FixIntent.RestrictOrigins(endpoint(text)), text, new FixContext(List.of()));
  }

  private static Optional<Fix> auth(String text, FixContext context) {
    return render(new FixIntent.AddUpgradeAuth(endpoint(text)), text, context);
  }

  private static String apply(String text, Fix fix) {
    return new String(Patches.apply(text.getBytes(StandardCharsets.UTF_8), fix.edits()), StandardCharsets.UTF_8);
  }

  private static Verifier verifier(String container, Verifier.Failure failure, boolean instance) {
    return new Verifier("verify", container, new SourceLocation("app/Tokens.java", 1, 1, 1, 2, 0, 1),
        Verifier.Input.TOKEN, failure, false, instance);
  }

  @Test
  void splitsAReturnedMappingAndCoversItsPathWithAnEmptyAllowList() {
    String patched = apply(CONFIG, origins(CONFIG).orElseThrow());
    assertTrue(patched.contains("""
        import java.util.List;
        import java.util.Map;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.web.cors.CorsConfiguration;
        import org.springframework.web.reactive.HandlerMapping;
        """), patched);
    assertTrue(patched.contains("""
        class FeedConfig {
            // the origins of the app's own pages, comma-separated; empty refuses every cross-origin handshake
            @Value("${app.websocket.allowed-origins:}")
            private String[] allowedOrigins;

            @Bean
            HandlerMapping feedMapping(FeedHandler handler) {
                SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/feed", handler), -1);
                CorsConfiguration cors = new CorsConfiguration();
                cors.setAllowedOrigins(List.of(allowedOrigins));
                mapping.setCorsConfigurations(Map.of("/feed", cors));
                return mapping;
            }
        """), patched);
    // the recogniser reads the patch as the defence it is: no Origin allowed until the property lists some
    assertFalse(endpoint(patched).originPolicy().kind() == OriginPolicy.Kind.ANY, patched);
  }

  @Test
  void addsTheConfigurationAfterALocalMappingIsFilled() {
    String text = CONFIG.replace("        return new SimpleUrlHandlerMapping(Map.of(\"/feed\", handler), -1);\n",
        "        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();\n"
            + "        mapping.setUrlMap(Map.of(\"/feed\", handler, \"/feed/v2\", handler)); // both versions\n"
            + "        mapping.setOrder(1);\n"
            + "        return mapping;\n");
    String patched = apply(text, origins(text).orElseThrow());
    assertTrue(patched.contains("""
                mapping.setUrlMap(Map.of("/feed", handler, "/feed/v2", handler)); // both versions
                CorsConfiguration cors = new CorsConfiguration();
                cors.setAllowedOrigins(List.of(allowedOrigins));
                mapping.setCorsConfigurations(Map.of("/feed", cors, "/feed/v2", cors));
                mapping.setOrder(1);
        """), patched);
    assertFalse(endpoint(patched).originPolicy().kind() == OriginPolicy.Kind.ANY, patched);
  }

  @Test
  void refusesMappingsItCannotFollow() {
    // a CORS configuration exists: it is changed where it is written
    String withCors = CONFIG.replace("import java.util.Map;\n", "import java.util.Map;\n"
        + "import org.springframework.web.cors.CorsConfiguration;\n").replace(
        "        return new SimpleUrlHandlerMapping(Map.of(\"/feed\", handler), -1);\n",
        "        CorsConfiguration c = new CorsConfiguration();\n"
            + "        c.applyPermitDefaultValues();\n"
            + "        SimpleUrlHandlerMapping m = new SimpleUrlHandlerMapping(Map.of(\"/feed\", handler), -1);\n"
            + "        m.setCorsConfigurations(Map.of(\"/**\", c));\n"
            + "        return m;\n");
    assertEquals(OriginPolicy.Kind.ANY, endpoint(withCors).originPolicy().kind());
    assertEquals(Optional.empty(), origins(withCors));
    // not a @Bean method: who calls it, and with what, is not known
    String notBean = CONFIG.replace("    @Bean\n    HandlerMapping", "    HandlerMapping");
    assertEquals(Optional.empty(), origins(notBean));
    // a name the patch adds is taken
    String taken = CONFIG.replace("class FeedConfig {\n", "class FeedConfig {\n    private String allowedOrigins;\n");
    assertEquals(Optional.empty(), origins(taken));
    // built under a condition: the statement after it is not where every mapping passes
    String conditional = CONFIG.replace(
        "        return new SimpleUrlHandlerMapping(Map.of(\"/feed\", handler), -1);\n",
        "        if (handler != null) {\n"
            + "            return new SimpleUrlHandlerMapping(Map.of(\"/feed\", handler), -1);\n"
            + "        }\n"
            + "        return null;\n");
    assertEquals(Optional.empty(), origins(conditional));
  }

  @Test
  void closesTheSessionUnlessTheUnwiredStubFindsAUser() {
    Endpoint before = endpoint(CONFIG);
    assertFalse(before.authenticated());
    String patched = apply(CONFIG, auth(CONFIG, new FixContext(List.of())).orElseThrow());
    assertTrue(patched.contains("""
        import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
        import org.springframework.web.reactive.socket.CloseStatus;
        import org.springframework.web.reactive.socket.HandshakeInfo;
        import org.springframework.web.reactive.socket.WebSocketHandler;
        """), patched);
    assertTrue(patched.contains("""
            public Mono<Void> handle(WebSocketSession session) {
                String user = authenticate(session.getHandshakeInfo());
                if (user == null) {
                    return session.close(CloseStatus.POLICY_VIOLATION);
                }
                return session.send(session.receive().map(m -> session.textMessage("ok")));
            }

            // Closes every session until it is wired to the app's own check of the handshake's credential (a token
            // in its access_token query parameter, verified with the app's key): return the user's name, or null
            // to close the session.
            private static String authenticate(HandshakeInfo handshake) {
                return null;
            }
        }
        """), patched);
    assertTrue(endpoint(patched).authenticated(), patched);
  }

  @Test
  void callsAThrowingStaticVerifierOnTheQueryToken() {
    FixContext context = new FixContext(List.of(verifier("app.security.Tokens", Verifier.Failure.THROWS, false)));
    String patched = apply(CONFIG, auth(CONFIG, context).orElseThrow());
    assertTrue(patched.contains("import app.security.Tokens;\n"), patched);
    assertTrue(patched.contains("import org.springframework.web.util.UriComponentsBuilder;\n"), patched);
    assertTrue(patched.contains("""
                String token = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build()
                        .getQueryParams().getFirst("access_token");
                Object user;
                try {
                    user = token == null ? null : Tokens.verify(token);
                } catch (RuntimeException e) {
                    user = null;
                }
                if (user == null) {
                    return session.close(CloseStatus.POLICY_VIOLATION);
                }
        """), patched);
    assertFalse(patched.contains("authenticate("), patched);
  }

  @Test
  void patchesABlockLambdaHandlerAndItsSessionName() {
    String text = CONFIG.replace("HandlerMapping feedMapping(FeedHandler handler) {\n",
        "HandlerMapping feedMapping() {\n"
            + "        WebSocketHandler handler = ws -> {\n"
            + "            return ws.send(ws.receive().map(m -> ws.textMessage(\"ok\")));\n"
            + "        };\n");
    String patched = apply(text, auth(text, new FixContext(List.of())).orElseThrow());
    assertTrue(patched.contains("""
                WebSocketHandler handler = ws -> {
                    String user = authenticate(ws.getHandshakeInfo());
                    if (user == null) {
                        return ws.close(CloseStatus.POLICY_VIOLATION);
                    }
        """), patched);
    // the stub goes in the configuration class, where the lambda can call it
    assertTrue(patched.indexOf("private static String authenticate") < patched.indexOf("class FeedHandler"),
        patched);
  }

  @Test
  void refusesHandlersItCannotPatchSoundly() {
    // an expression lambda: the check would mean rewriting it into a block
    String expression = CONFIG.replace("HandlerMapping feedMapping(FeedHandler handler) {\n",
        "HandlerMapping feedMapping() {\n"
            + "        WebSocketHandler handler = s -> s.send(s.receive().map(m -> s.textMessage(\"ok\")));\n");
    assertEquals(Optional.empty(), auth(expression, new FixContext(List.of())));
    // the handler is declared in another file: the patch does not know its body
    String elsewhere = CONFIG.substring(0, CONFIG.indexOf("class FeedHandler"));
    assertEquals(Optional.empty(), auth(elsewhere, new FixContext(List.of())));
    // the handler checks a token already (decoded, never verified): the repair belongs in that check
    String decoding = CONFIG.replace("import java.util.Map;\n", "import com.auth0.jwt.JWT;\n"
        + "import com.auth0.jwt.interfaces.DecodedJWT;\nimport java.util.Map;\n").replace(
        "import org.springframework.web.reactive.socket.WebSocketHandler;\n",
        "import org.springframework.web.reactive.socket.CloseStatus;\n"
            + "import org.springframework.web.reactive.socket.WebSocketHandler;\n").replace(
        "        return session.send(session.receive().map(m -> session.textMessage(\"ok\")));\n",
        "        String auth = session.getHandshakeInfo().getHeaders().getFirst(\"Authorization\");\n"
            + "        if (auth == null || !auth.startsWith(\"Bearer \")) {\n"
            + "            return session.close(CloseStatus.POLICY_VIOLATION);\n"
            + "        }\n"
            + "        DecodedJWT jwt = JWT.decode(auth.substring(7));\n"
            + "        String device = jwt.getSubject();\n"
            + "        return session.send(session.receive().map(m -> session.textMessage(device)));\n");
    assertFalse(endpoint(decoding).guards().isEmpty(), endpoint(decoding).toString());
    assertEquals(Optional.empty(), auth(decoding, new FixContext(List.of())));
    // a name the check declares is in use in the body: a lambda parameter may not shadow it
    String shadowing = CONFIG.replace("map(m -> session", "map(user -> session");
    assertEquals(Optional.empty(), auth(shadowing, new FixContext(List.of())));
  }
}
