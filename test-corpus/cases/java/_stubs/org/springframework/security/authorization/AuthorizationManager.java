package org.springframework.security.authorization;

@FunctionalInterface
public interface AuthorizationManager<T> { void verify(java.util.function.Supplier<Object> authentication, T object); }
