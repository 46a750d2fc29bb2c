package dev.wsguard.java.frameworks.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.MessageHandler;
import dev.wsguard.core.model.PermissionCheck;
import dev.wsguard.core.model.Send;
import dev.wsguard.core.model.Strength;
import dev.wsguard.core.model.TokenUse;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpringStompTest {
  private static final String CONFIG = """
      package app;
      import org.springframework.messaging.simp.config.*;
      import org.springframework.web.socket.config.annotation.*;
      public class StompConfig implements WebSocketMessageBrokerConfigurer {
        public void registerStompEndpoints(StompEndpointRegistry registry) {
          registry.addEndpoint("/ws").setAllowedOriginPatterns("*").withSockJS();
        }
        public void configureMessageBroker(MessageBrokerRegistry registry) {
          registry.setApplicationDestinationPrefixes("/app");
        }
        public void configureClientInboundChannel(ChannelRegistration registration) {
          registration.interceptors(new ConnectAuth());
        }
      }
      """;
  private static final String CONNECT = """
      package app;
      import org.springframework.messaging.*;
      import org.springframework.messaging.simp.stomp.*;
      import org.springframework.messaging.support.*;
      import org.springframework.security.oauth2.jwt.JwtDecoder;
      public class ConnectAuth implements ChannelInterceptor {
        private JwtDecoder decoder;
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
          StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
          if (StompCommand.CONNECT.equals(accessor.getCommand())) {
            %s
          }
          return message;
        }
      }
      """;
  private static final String CONTROLLER = """
      package app;
      import java.security.Principal;
      import org.springframework.messaging.handler.annotation.*;
      import org.springframework.messaging.simp.SimpMessagingTemplate;
      import org.springframework.messaging.simp.annotation.SendToUser;
      import org.springframework.stereotype.Controller;
      @Controller
      public class Ctl {
        private final AdminService adminService;
        private final SimpMessagingTemplate template;
        public Ctl(AdminService a, SimpMessagingTemplate t) { adminService = a; template = t; }
        @MessageMapping("/admin/kick")
        public void kick(@Payload String userId) { adminService.kickUser(userId); }
        @MessageMapping("/chat")
        @SendTo("/topic/chat")
        public String chat(@Payload String text) { return text; }
        @MessageMapping("/me")
        @SendToUser("/queue/me")
        public Object me(Principal p) { return adminService.profileOf(p.getName()); }
        public void push(String user) {
          template.convertAndSendToUser(user, "/queue/x", "hello");
          template.convertAndSend("/topic/users", adminService.findAllUsers());
        }
      }
      """;

  private static Endpoint scan(String connectBody, String... more) {
    String[] base = {"src/main/java/app/StompConfig.java", CONFIG, "src/main/java/app/ConnectAuth.java",
        CONNECT.formatted(connectBody), "src/main/java/app/Ctl.java", CONTROLLER};
    String[] files = new String[base.length + more.length];
    System.arraycopy(base, 0, files, 0, base.length);
    System.arraycopy(more, 0, files, base.length, more.length);
    return SpringScan.of(files).only();
  }

  @Test
  void connectInterceptorThatVerifiesAuthenticatesWithTheConnectFrame() {
    Endpoint e = scan("""
        String token = accessor.getFirstNativeHeader("Authorization");
        accessor.setUser(() -> decoder.decode(token).getSubject());
        if (token == null) { throw new MessagingException("no token"); }
        decoder.decode(token);""");
    assertEquals(Framework.SPRING_STOMP, e.framework());
    assertTrue(e.authenticated());
    assertEquals(Set.of(CredentialSource.FIRST_MESSAGE_TOKEN), e.credentials());
  }

  @Test
  void connectInterceptorThatLetsFailuresThroughFailsOpen() {
    Endpoint e = scan("""
        String token = accessor.getFirstNativeHeader("Authorization");
        try { decoder.decode(token); } catch (RuntimeException ex) { System.out.println("bad token"); }""");
    assertEquals(Strength.FAILS_OPEN, e.guards().get(0).strength());
  }

  @Test
  void sendAudiencesFollowTheAnnotationsAndTemplateCalls() {
    Endpoint e = scan("throw new MessagingException(\"closed\");");
    Set<Audience> audiences = e.sends().stream().map(Send::audience).collect(java.util.stream.Collectors.toSet());
    assertEquals(Set.of(Audience.ALL_CONNECTIONS, Audience.ONE_USER), audiences);
    assertEquals(2, e.sends().stream().filter(s -> s.audience() == Audience.ONE_USER).count());
  }

  @Test
  void messageSecurityRoleRuleIsAPermissionCheckForItsDestinations() {
    String security = """
        package app;
        import org.springframework.context.annotation.Bean;
        import org.springframework.messaging.Message;
        import org.springframework.security.authorization.AuthorizationManager;
        import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
        public class MsgSec {
          @Bean
          AuthorizationManager<Message<?>> m(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
            messages.simpDestMatchers("/app/admin/**").hasRole("ADMIN").anyMessage().authenticated();
            return messages.build();
          }
        }
        """;
    MessageHandler kick = kick(scan("throw new MessagingException(\"x\");", "src/main/java/app/MsgSec.java",
        security));
    assertEquals(PermissionCheck.PRESENT, kick.permissionCheck());
    MessageHandler unguarded = kick(scan("throw new MessagingException(\"x\");"));
    assertEquals(PermissionCheck.ABSENT, unguarded.permissionCheck());
    assertEquals("userId", unguarded.clientSuppliedId());
  }

  @Test
  void connectGateTokenCallsBecomeTokenUsesNamingTheEndpoint() {
    SpringScan scan = SpringScan.of("src/main/java/app/StompConfig.java", CONFIG,
        "src/main/java/app/ConnectAuth.java", CONNECT.formatted("""
            String token = accessor.getFirstNativeHeader("Authorization");
            decoder.decode(token);"""));
    TokenUse use = scan.tokenUses().get(0);
    assertTrue(use.signatureChecked());
    assertEquals(scan.only().declaration(), use.endpointDeclaration());
  }

  private static MessageHandler kick(Endpoint e) {
    return e.handlers().stream().filter(h -> "/admin/kick".equals(h.messageType())).findFirst().orElseThrow();
  }
}
