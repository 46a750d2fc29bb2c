package org.springframework.web.socket;

public interface WebSocketMessage<T> { T getPayload(); }
