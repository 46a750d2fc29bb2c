package io.netty.handler.codec.http;

public class HttpServerCodec implements io.netty.channel.ChannelHandler {
}
