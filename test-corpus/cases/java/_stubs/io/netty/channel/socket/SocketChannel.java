package io.netty.channel.socket;

public interface SocketChannel extends io.netty.channel.Channel {
}
