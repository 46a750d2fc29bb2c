package io.jsonwebtoken;

public interface Claims extends java.util.Map<String, Object> {
  String getSubject();

  java.util.Date getExpiration();

  <T> T get(String claimName, Class<T> requiredType);
}
