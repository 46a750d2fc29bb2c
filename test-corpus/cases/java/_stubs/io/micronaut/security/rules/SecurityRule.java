package io.micronaut.security.rules;

public interface SecurityRule {
  String IS_ANONYMOUS = "isAnonymous()";
  String IS_AUTHENTICATED = "isAuthenticated()";
  String DENY_ALL = "denyAll()";
}
