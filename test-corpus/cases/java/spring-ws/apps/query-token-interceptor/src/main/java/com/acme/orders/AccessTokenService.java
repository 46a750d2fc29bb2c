package com.acme.orders;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

@Service
public class AccessTokenService {

    private final JwtDecoder jwtDecoder;

    public AccessTokenService(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    /** The customer the token was issued to, or null when the token is invalid or expired. */
    public String customerIdOf(String token) {
        try {
            // JwtDecoder checks the signature, expiry and issuer despite its name
            Jwt jwt = jwtDecoder.decode(token); // ok: unverified-token
            return jwt.getClaimAsString("customer_id");
        } catch (JwtException e) {
            return null;
        }
    }
}
