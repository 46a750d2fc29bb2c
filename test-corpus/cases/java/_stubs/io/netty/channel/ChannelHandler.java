package io.netty.channel;

public interface ChannelHandler {
}
