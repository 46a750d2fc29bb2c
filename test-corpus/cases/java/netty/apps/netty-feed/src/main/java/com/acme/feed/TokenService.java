package com.acme.feed;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import javax.crypto.SecretKey;

public class TokenService {
    private final JwtParser parser;

    public TokenService(SecretKey key) {
        this.parser = Jwts.parser().verifyWith(key).build();
    }

    public boolean isValid(String token) {
        try {
            parser.parseSignedClaims(token); // ok: unverified-token -- a failure returns false
            return true;
        } catch (JwtException e) {
            return false;
        }
    }
}
