package io.netty.channel;

public interface ChannelId {
  String asShortText();
}
