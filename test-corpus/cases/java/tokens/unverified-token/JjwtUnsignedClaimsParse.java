package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import java.util.List;

public class JjwtUnsignedClaimsParse {

    /** Roles for the admin console; the gateway in front is supposed to have checked the token. */
    @SuppressWarnings("deprecation")
    public List<?> rolesOf(String token) {
        Claims claims = Jwts.parser().build().parseClaimsJwt(token).getBody(); // expect: unverified-token
        return claims.get("roles", List.class);
    }

    public String subjectOf(String token) {
        return Jwts.parser().unsecured().build().parse(token).getPayload().toString(); // expect: unverified-token
    }
}
