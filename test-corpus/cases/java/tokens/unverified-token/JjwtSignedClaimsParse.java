package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;

public class JjwtSignedClaimsParse {
    private static final SecretKey KEY =
        Keys.hmacShaKeyFor(System.getenv("APP_JWT_SECRET").getBytes(StandardCharsets.UTF_8));
    private final JwtParser parser = Jwts.parser().verifyWith(KEY).build();

    public String userId(String token) {
        Claims claims = parser.parseSignedClaims(token).getPayload(); // ok: unverified-token
        return claims.getSubject();
    }

    @SuppressWarnings("deprecation")
    public String legacyUserId(String token) {
        return Jwts.parser().setSigningKey(KEY).build().parseClaimsJws(token).getBody().getSubject(); // ok: unverified-token
    }
}
