package dev.wsguard.java.frameworks.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Provenance;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class JakartaRecognizerTest {
  private static final String IMPORTS = """
      package com.acme.ws;
      import jakarta.websocket.*;
      import jakarta.websocket.server.*;
      import java.util.*;
      """;

  @Test
  void readsAnUnguardedEndpointWithItsDefaultOriginPolicyAndBroadcast() {
    Endpoint e = Linked.of("src/main/java/com/acme/ws/Chat.java", IMPORTS + """
        @ServerEndpoint("/chat")
        public class Chat {
          static final Set<Session> SESSIONS = new HashSet<>();
          @OnMessage
          public void onMessage(String text, Session from) throws Exception {
            for (Session s : SESSIONS) { s.getBasicRemote().sendText(text); }
          }
        }
        """).endpoint();
    assertEquals(List.of("/chat"), e.paths());
    assertTrue(e.guards().isEmpty());
    assertEquals(OriginPolicy.Kind.ANY, e.originPolicy().kind());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
    assertEquals(Provenance.ECHO, e.sends().get(0).provenance());
    assertEquals(5, e.declaration().startLine());
  }

  @Test
  void resolvesAConfiguratorInAnotherFileThatThrowsOnAFailedHelperCheck() {
    Endpoint e = Linked.of(
        "src/main/java/com/acme/ws/Feed.java", IMPORTS + """
            @ServerEndpoint(value = "/feed", configurator = AuthConfigurator.class)
            public class Feed {}
            """,
        "src/main/java/com/acme/ws/AuthConfigurator.java", IMPORTS + """
            public class AuthConfigurator extends ServerEndpointConfig.Configurator {
              private final Tokens tokens = new Tokens();
              @Override
              public boolean checkOrigin(String origin) { return Set.of("https://a.example").contains(origin); }
              @Override
              public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest req, HandshakeResponse resp) {
                String user = tokens.subject(req.getHeaders().get("Authorization").get(0));
                sec.getUserProperties().put("user", user);
              }
            }
            """,
        "src/main/java/com/acme/ws/Tokens.java", """
            package com.acme.ws;
            import io.jsonwebtoken.Jwts;
            public class Tokens {
              String subject(String t) { return Jwts.parser().build().parseSignedClaims(t).getPayload().getSubject(); }
            }
            """).endpoint();
    HandshakeGuard g = e.guards().get(0);
    assertEquals(GuardPlace.HANDSHAKE, g.place());
    assertEquals(Strength.VERIFIED, g.strength());
    assertEquals(Coverage.ALL_PATHS, g.coverage());
    assertTrue(e.credentials().contains(CredentialSource.HEADER_TOKEN));
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, e.originPolicy().kind());
  }

  @Test
  void treatsAConfiguratorThatOnlyLogsAsFailingOpenUnlessOnOpenClosesOnItsMarker() {
    String configurator = IMPORTS + """
        public class Cfg extends ServerEndpointConfig.Configurator {
          @Override
          public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest req, HandshakeResponse resp) {
            try {
              String uid = com.auth0.jwt.JWT.require(null).build().verify(req.getQueryString()).getSubject();
              sec.getUserProperties().put("uid", uid);
            } catch (RuntimeException e) { }
          }
        }
        """;
    Endpoint open = Linked.of("src/main/java/com/acme/ws/Cfg.java", configurator,
        "src/main/java/com/acme/ws/A.java", IMPORTS + """
            @ServerEndpoint(value = "/a", configurator = Cfg.class)
            public class A {}
            """).endpoint();
    assertEquals(Strength.FAILS_OPEN, open.guards().get(0).strength());
    Endpoint closed = Linked.of("src/main/java/com/acme/ws/Cfg.java", configurator,
        "src/main/java/com/acme/ws/B.java", IMPORTS + """
            @ServerEndpoint(value = "/b", configurator = Cfg.class)
            public class B {
              @OnOpen
              public void open(Session s, EndpointConfig c) throws Exception {
                if (c.getUserProperties().get("uid") == null) { s.close(); }
              }
            }
            """).endpoint();
    assertTrue(closed.authenticated(), closed.guards().toString());
    assertEquals(GuardPlace.CONNECTION, closed.guards().get(0).place());
  }

  @Test
  void reportsAnOnOpenCheckThatOnlyRunsWithATokenAsSomePaths() {
    Endpoint e = Linked.of("src/main/java/com/acme/ws/S.java", IMPORTS + """
        @ServerEndpoint("/s")
        public class S {
          @OnOpen
          public void open(Session s) throws Exception {
            List<String> t = s.getRequestParameterMap().get("token");
            if (t != null) {
              try { io.jsonwebtoken.Jwts.parser().build().parseSignedClaims(t.get(0)); }
              catch (RuntimeException e) { s.close(); }
            }
          }
        }
        """).endpoint();
    assertFalse(e.authenticated());
    assertEquals(Coverage.SOME_PATHS, e.guards().get(0).coverage());
    assertTrue(e.credentials().contains(CredentialSource.QUERY_TOKEN));
  }

  @Test
  void matchesServletUrlPatternsAgainstEndpointPaths() {
    assertTrue(JakartaLinker.matches("/hr/*", "/hr/salaries"));
    assertTrue(JakartaLinker.matches("/hr/*", "/hr/{room}"));
    assertTrue(JakartaLinker.matches("/*", "/anything"));
    assertFalse(JakartaLinker.matches("/hr/*", "/hrx/salaries"));
    assertFalse(JakartaLinker.matches("/hr/a", "/hr/{room}"), "an exact pattern does not cover every room");
  }
}
