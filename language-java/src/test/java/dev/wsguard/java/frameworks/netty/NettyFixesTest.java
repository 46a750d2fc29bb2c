package dev.wsguard.java.frameworks.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.Linked;
import dev.wsguard.java.fix.Patching;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NettyFixesTest {
  private static final String OPEN = """
      package n;

      import io.netty.channel.ChannelInitializer;
      import io.netty.channel.socket.SocketChannel;
      import io.netty.handler.codec.http.HttpObjectAggregator;
      import io.netty.handler.codec.http.HttpServerCodec;
      import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

      public class Init extends ChannelInitializer<SocketChannel> {
          @Override
          protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536));
              ch.pipeline().addLast(new WebSocketServerProtocolHandler("/ws"));
          }
      }
      """;

  private static Endpoint endpoint(String text) {
    return Linked.of("n/Init.java", text).endpoint();
  }

  @Test
  void addsOneGuardThatChecksOriginAndTokenBeforeTheProtocolHandler() {
    Endpoint before = endpoint(OPEN);
    String auth = Patching.patched("n/Init.java", OPEN, new FixIntent.AddUpgradeAuth(before)).orElseThrow();
    String origin = Patching.patched("n/Init.java", OPEN, new FixIntent.RestrictOrigins(before)).orElseThrow();
    // the two findings' patches are the same, so whichever is kept fixes both
    assertEquals(auth, origin);
    assertTrue(auth.contains("ch.pipeline().addLast(new UpgradeGuard(), new WebSocketServerProtocolHandler(\"/ws\"));"),
        auth);
    assertTrue(auth.contains("    static class UpgradeGuard extends ChannelInboundHandlerAdapter {\n"), auth);
    assertTrue(auth.contains("        private static Object authenticate(String token) {\n            return null;\n"),
        auth);
    Endpoint after = endpoint(auth);
    assertTrue(after.authenticated(), after.guards().toString());
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, after.originPolicy().kind());
  }

  @Test
  void callsTheProjectsTokenVerifierAndTurnsItsExceptionIntoA401() {
    Endpoint before = endpoint(OPEN);
    String out = Patching.patched("n/Init.java", OPEN, new FixIntent.AddUpgradeAuth(before),
        Patching.verifier("com.acme.auth.Tokens", "verify", Verifier.Input.TOKEN, Verifier.Failure.THROWS))
        .orElseThrow();
    assertTrue(out.contains("import com.acme.auth.Tokens;\n"), out);
    assertTrue(out.contains("""
                try {
                    Tokens.verify(token);
                    return token;
                } catch (Exception e) {
                    return null;
                }
    """), out);
  }

  @Test
  void checksOnlyTheOriginWhereAuthenticationIsThere() {
    String text = OPEN.replace("import io.netty.channel.ChannelInitializer;\n", """
        import io.netty.channel.ChannelFutureListener;
        import io.netty.channel.ChannelHandlerContext;
        import io.netty.channel.ChannelInitializer;
        import io.netty.channel.SimpleChannelInboundHandler;
        import io.netty.handler.codec.http.DefaultFullHttpResponse;
        import io.netty.handler.codec.http.FullHttpRequest;
        import io.netty.handler.codec.http.HttpHeaderNames;
        import io.netty.handler.codec.http.HttpResponseStatus;
        import io.netty.handler.codec.http.HttpVersion;
        """).replace("new HttpObjectAggregator(65536));", "new HttpObjectAggregator(65536), new CookieAuth());")
        .replace("    }\n}\n", """
            }

            static class CookieAuth extends SimpleChannelInboundHandler<FullHttpRequest> {
                private final SessionStore sessionStore = new SessionStore();

                @Override
                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                    if (sessionStore.findUser(req.headers().get(HttpHeaderNames.COOKIE)) == null) {
                        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED))
                            .addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                    ctx.fireChannelRead(req.retain());
                }
            }

            static class SessionStore {
                String findUser(String cookie) {
                    return null;
                }
            }
        }
        """);
    Endpoint before = endpoint(text);
    assertTrue(before.authenticated(), before.guards().toString());
    String out = Patching.patched("n/Init.java", text, new FixIntent.RestrictOrigins(before)).orElseThrow();
    assertTrue(out.contains("ALLOWED_ORIGINS.contains(origin)"), out);
    assertFalse(out.contains("authenticate("), out);
    assertEquals(OriginPolicy.Kind.ALLOW_LIST, endpoint(out).originPolicy().kind());
  }

  @Test
  void refusesAProtocolHandlerHeldInAVariable() {
    String text = OPEN.replace("ch.pipeline().addLast(new WebSocketServerProtocolHandler(\"/ws\"));",
        "WebSocketServerProtocolHandler ws = new WebSocketServerProtocolHandler(\"/ws\");\n"
            + "        ch.pipeline().addLast(ws);");
    Endpoint before = endpoint(text);
    assertEquals(Optional.empty(), Patching.patched("n/Init.java", text, new FixIntent.AddUpgradeAuth(before)));
  }

  @Test
  void refusesWhenTheGuardsNameIsTaken() {
    String text = OPEN.replace("    }\n}\n", "    }\n\n    static class UpgradeGuard {\n    }\n}\n");
    Endpoint before = endpoint(text);
    assertEquals(Optional.empty(), Patching.patched("n/Init.java", text, new FixIntent.AddUpgradeAuth(before)));
  }

  @Test
  void patchesAChainedPipeline() {
    String text = OPEN.replace("""
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536));
            ch.pipeline().addLast(new WebSocketServerProtocolHandler("/ws"));
        """, """
            ch.pipeline().addLast(new HttpServerCodec()).addLast(new HttpObjectAggregator(65536))
                .addLast(new WebSocketServerProtocolHandler("/ws"));
        """);
    String out = Patching.patched("n/Init.java", text, new FixIntent.AddUpgradeAuth(endpoint(text))).orElseThrow();
    assertTrue(out.contains(".addLast(new UpgradeGuard(), new WebSocketServerProtocolHandler(\"/ws\"));"), out);
    assertTrue(endpoint(out).authenticated());
  }
}
