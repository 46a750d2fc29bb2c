package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.util.List;
import javax.crypto.SecretKey;

public class JjwtUnsignedClaimsParse {

    /** Roles for the admin console; the gateway in front is supposed to have checked the token. */
    @SuppressWarnings("deprecation")
    public List<?> rolesOf(String token) {
        Claims claims = Jwts.parser().verifyWith(tokenSigningKey()).build().parseClaimsJws(token).getBody(); // expect: unverified-token
        return claims.get("roles", List.class);
    }

    public String subjectOf(String token) {
        return Jwts.parser().unsecured().build().parse(token).getPayload().toString(); // expect: unverified-token
    }

    private static SecretKey tokenSigningKey() {
        // wire the key your tokens are signed with (Keys.hmacShaKeyFor(secret), or the issuer's public key); until then every token is refused
        throw new IllegalStateException("tokenSigningKey is not wired: tokens cannot be verified");
    }
}
