package dev.wsguard.java.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUseMergeTest {
  @Test
  void aDecodeOnAHandshakeIsOneUseAtTheCallThatKnowsItsEndpoint() {
    Linked linked = Linked.of("src/main/java/app/TokenInterceptor.java", """
        package app;

        import com.auth0.jwt.JWT;
        import com.auth0.jwt.interfaces.DecodedJWT;
        import java.util.Map;
        import org.springframework.http.server.ServerHttpRequest;
        import org.springframework.http.server.ServerHttpResponse;
        import org.springframework.web.socket.WebSocketHandler;
        import org.springframework.web.socket.server.HandshakeInterceptor;

        public class TokenInterceptor implements HandshakeInterceptor {
          @Override
          public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
              WebSocketHandler handler, Map<String, Object> attributes) {
            String token = request.getHeaders().getFirst("Authorization");
            if (token == null) {
              return false;
            }
            DecodedJWT jwt = JWT.decode(token);
            attributes.put("user", jwt.getSubject());
            return true;
          }

          @Override
          public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response,
              WebSocketHandler handler, Exception exception) {}
        }
        """, "src/main/java/app/SocketConfig.java", """
        package app;

        import org.springframework.context.annotation.Configuration;
        import org.springframework.web.socket.config.annotation.EnableWebSocket;
        import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
        import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

        @Configuration
        @EnableWebSocket
        public class SocketConfig implements WebSocketConfigurer {
          @Override
          public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new ChatHandler(), "/chat").addInterceptors(new TokenInterceptor());
          }
        }
        """);
    List<TokenUse> uses = linked.tokenUses();
    assertEquals(1, uses.size(), uses.toString());
    assertEquals(19, uses.get(0).location().startLine());
    assertEquals(22, uses.get(0).location().startColumn());
    assertNotNull(uses.get(0).endpointDeclaration(), "the linker's reading, which knows the handshake");
  }
}
