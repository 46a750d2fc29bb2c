package org.springframework.messaging;

public interface MessageChannel { boolean send(Message<?> message); }
