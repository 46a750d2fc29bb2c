package com.auth0.jwt.interfaces;

public interface Claim {
  String asString();

  <T> java.util.List<T> asList(Class<T> clazz);
}
