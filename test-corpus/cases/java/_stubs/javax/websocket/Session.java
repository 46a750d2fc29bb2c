package javax.websocket;

public interface Session extends java.io.Closeable {
  RemoteEndpoint.Basic getBasicRemote();
  RemoteEndpoint.Async getAsyncRemote();
  java.util.Set<Session> getOpenSessions();
  java.util.Map<String, Object> getUserProperties();
  java.util.Map<String, java.util.List<String>> getRequestParameterMap();
  java.util.Map<String, String> getPathParameters();
  String getQueryString();
  java.security.Principal getUserPrincipal();
  String getId();
  boolean isOpen();
  void close() throws java.io.IOException;
  void close(CloseReason closeReason) throws java.io.IOException;
  <T> void addMessageHandler(Class<T> clazz, MessageHandler.Whole<T> handler);
  void setMaxTextMessageBufferSize(int length);
}
