package dev.wsguard.java.frameworks.micronaut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Send;
import dev.wsguard.java.Linked;
import dev.wsguard.java.fix.Patching;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicronautFixesTest {
  private static final String PATH = "example/Feed.java";
  private static final String OPEN = """
      package example;

      import io.micronaut.websocket.WebSocketBroadcaster;
      import io.micronaut.websocket.WebSocketSession;
      import io.micronaut.websocket.annotation.OnMessage;
      import io.micronaut.websocket.annotation.ServerWebSocket;

      @ServerWebSocket("/feed")
      public class Feed {
          private final WebSocketBroadcaster broadcaster;
          private final AccountService accounts;

          public Feed(WebSocketBroadcaster broadcaster, AccountService accounts) {
              this.broadcaster = broadcaster;
              this.accounts = accounts;
          }

          @OnMessage
          public void onMessage(String accountId, WebSocketSession session) {
              broadcaster.broadcastSync(accounts.balanceOf(accountId));
          }

          public static class AccountService {
              public String balanceOf(String accountId) {
                  return "0";
              }
          }
      }
      """;

  @Test
  void securesTheEndpointClass() {
    Endpoint before = Linked.of(PATH, OPEN).endpoint();
    String out = Patching.patched(PATH, OPEN, new FixIntent.AddUpgradeAuth(before)).orElseThrow();
    assertTrue(out.startsWith("""
        package example;

        import io.micronaut.security.annotation.Secured;
        import io.micronaut.security.rules.SecurityRule;
        import io.micronaut.websocket.WebSocketBroadcaster;
        """), out);
    assertTrue(out.contains("@Secured(SecurityRule.IS_AUTHENTICATED)\n@ServerWebSocket(\"/feed\")\n"), out);
    assertTrue(Linked.of(PATH, out).endpoint().authenticated());
  }

  @Test
  void tightensAnAnonymousRuleAndLeavesOtherRulesAlone() {
    String anonymous = OPEN.replace("import io.micronaut.websocket.WebSocketBroadcaster;", """
        import io.micronaut.security.annotation.Secured;
        import io.micronaut.security.rules.SecurityRule;
        import io.micronaut.websocket.WebSocketBroadcaster;""")
        .replace("@ServerWebSocket", "@Secured(SecurityRule.IS_ANONYMOUS)\n@ServerWebSocket");
    Endpoint before = Linked.of(PATH, anonymous).endpoint();
    String out = Patching.patched(PATH, anonymous, new FixIntent.AddUpgradeAuth(before)).orElseThrow();
    assertEquals(anonymous.replace("IS_ANONYMOUS", "IS_AUTHENTICATED"), out);
    String denied = anonymous.replace("SecurityRule.IS_ANONYMOUS", "\"ROLE_FEED\"");
    // a role rule authenticates already; a finding there is about something else, and the rule is the author's
    assertEquals(Optional.empty(), Patching.patched(PATH, denied,
        new FixIntent.AddUpgradeAuth(Linked.of(PATH, denied).endpoint())));
  }

  @Test
  void scopesABroadcastToTheSendersUser() {
    Endpoint before = Linked.of(PATH, OPEN).endpoint();
    Send send = before.sends().get(0);
    String out = Patching.patched(PATH, OPEN, new FixIntent.ScopeSendToUser(before, send)).orElseThrow();
    assertTrue(out.contains("broadcaster.broadcastSync(accounts.balanceOf(accountId), sameUserAs(session));"), out);
    assertTrue(out.contains("return s -> user.isPresent() && user.equals(s.getUserPrincipal().map(Principal::getName));"),
        out);
    assertEquals(Audience.ROOM, Linked.of(PATH, out).endpoint().sends().get(0).audience());
  }

  @Test
  void refusesToScopeWithoutTheSendersSession() {
    String text = OPEN.replace("String accountId, WebSocketSession session", "String accountId");
    Endpoint before = Linked.of(PATH, text).endpoint();
    assertEquals(Optional.empty(),
        Patching.patched(PATH, text, new FixIntent.ScopeSendToUser(before, before.sends().get(0))));
  }
}
