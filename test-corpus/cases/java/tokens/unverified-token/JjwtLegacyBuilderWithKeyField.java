package com.acme.legacy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Key;

public class JjwtLegacyBuilderWithKeyField {
    private static final Key KEY = Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8));

    @SuppressWarnings("deprecation")
    public String tenant(String token) {
        Claims claims = Jwts.parserBuilder().build().parseClaimsJwt(token).getBody(); // expect: unverified-token
        return claims.get("tenant", String.class);
    }

    @SuppressWarnings("deprecation")
    public String subject(String token) {
        return Jwts.parserBuilder().setSigningKey(KEY).build().parseClaimsJws(token).getBody().getSubject(); // ok: unverified-token
    }
}
