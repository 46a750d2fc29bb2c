package org.springframework.security.oauth2.jwt;

@FunctionalInterface
public interface JwtDecoder { Jwt decode(String token) throws JwtException; }
