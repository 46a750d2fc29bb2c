package org.springframework.web.socket;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpHeaders;
public interface WebSocketSession extends Closeable {
  String getId();
  URI getUri();
  HttpHeaders getHandshakeHeaders();
  Map<String, Object> getAttributes();
  Principal getPrincipal();
  boolean isOpen();
  void sendMessage(WebSocketMessage<?> message) throws IOException;
  void close() throws IOException;
  void close(CloseStatus status) throws IOException;
}
