package com.acme.guard;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import javax.crypto.SecretKey;

public class JjwtCatchFallsBackToAnonymous {
    private final SecretKey key;

    public JjwtCatchFallsBackToAnonymous(SecretKey key) {
        this.key = key;
    }

    public String subject(String token) {
        String subject = "anonymous";
        try {
            subject = Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload().getSubject(); // expect: unverified-token
        } catch (JwtException e) {
            System.err.println("bad token, continuing as " + subject);
        }
        return subject;
    }
}
