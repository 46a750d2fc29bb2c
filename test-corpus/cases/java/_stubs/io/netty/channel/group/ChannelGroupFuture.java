package io.netty.channel.group;

public interface ChannelGroupFuture {
}
