package dev.wsguard.java.frameworks.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Audience;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class NettyRecognizerTest {
  private static final String HEAD = """
      package n;
      import io.netty.channel.*;
      import io.netty.channel.group.*;
      import io.netty.channel.socket.SocketChannel;
      import io.netty.handler.codec.http.*;
      import io.netty.handler.codec.http.websocketx.*;
      """;

  private static String initializer(String authHandler) {
    return HEAD + """
        public class Init extends ChannelInitializer<SocketChannel> {
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new Auth(), new WebSocketServerProtocolHandler("/ws"), new Frames());
          }
          static class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
            static ChannelGroup all;
            protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
              all.writeAndFlush(new TextWebSocketFrame(f.text()));
            }
          }
          static class Store { Object findUser(String k) { return null; } }
        """ + authHandler + "}\n";
  }

  @Test
  void countsAHandlerBeforeTheProtocolHandlerThatClosesAndLeaves() {
    Endpoint e = Linked.of("Init.java", initializer("""
        static class Auth extends SimpleChannelInboundHandler<FullHttpRequest> {
          Store userStore = new Store();
          protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (userStore.findUser(req.headers().get(HttpHeaderNames.AUTHORIZATION)) == null) {
              ctx.close();
              return;
            }
            ctx.fireChannelRead(req.retain());
          }
        }
        """)).endpoint();
    assertEquals(List.of("/ws"), e.paths());
    assertTrue(e.authenticated(), e.guards().toString());
    assertEquals(Audience.ALL_CONNECTIONS, e.sends().get(0).audience());
  }

  @Test
  void reportsAHandlerThatAnswersButStillForwardsAsFailingOpen() {
    Endpoint e = Linked.of("Init.java", initializer("""
        static class Auth extends SimpleChannelInboundHandler<FullHttpRequest> {
          Store userStore = new Store();
          protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (userStore.findUser(req.headers().get(HttpHeaderNames.AUTHORIZATION)) == null) {
              ctx.close();
            }
            ctx.fireChannelRead(req.retain());
          }
        }
        """)).endpoint();
    assertFalse(e.authenticated());
    assertEquals(Strength.FAILS_OPEN, e.guards().get(0).strength());
  }

  @Test
  void readsAChainedPipelineInSourceOrder() {
    Endpoint e = Linked.of("Init.java", HEAD + """
        public class Init extends ChannelInitializer<SocketChannel> {
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec()).addLast(new Auth())
                .addLast(new WebSocketServerProtocolHandler("/ws"));
          }
          static class Store { Object findUser(String k) { return null; } }
          static class Auth extends SimpleChannelInboundHandler<FullHttpRequest> {
            Store userStore = new Store();
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
              if (userStore.findUser(req.headers().get(HttpHeaderNames.AUTHORIZATION)) == null) {
                ctx.close();
                return;
              }
              ctx.fireChannelRead(req.retain());
            }
          }
        }
        """).endpoint();
    assertTrue(e.authenticated(), e.guards().toString());
  }
}
