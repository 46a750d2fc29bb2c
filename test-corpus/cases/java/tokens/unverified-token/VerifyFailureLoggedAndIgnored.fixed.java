package com.example.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import java.util.logging.Logger;

public class VerifyFailureLoggedAndIgnored {
    private static final Logger LOG = Logger.getLogger("auth");
    private final JwtParser parser;

    public VerifyFailureLoggedAndIgnored(JwtParser parser) {
        this.parser = parser;
    }

    public boolean validate(String token) {
        try {
            parser.parseSignedClaims(token); // expect: unverified-token
        } catch (JwtException e) {
            LOG.warning("token validation failed: " + e.getMessage());
            throw new SecurityException("token verification failed", e);
        }
        return true;
    }

    public Claims claimsOrNull(String token) {
        Claims claims = null;
        try {
            claims = parser.parseSignedClaims(token).getPayload(); // ok: unverified-token -- the null check below rejects
        } catch (JwtException e) {
            LOG.fine("invalid token");
        }
        if (claims == null) {
            throw new SecurityException("unauthenticated");
        }
        return claims;
    }
}
