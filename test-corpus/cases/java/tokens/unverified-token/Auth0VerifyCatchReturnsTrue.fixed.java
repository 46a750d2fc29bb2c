package com.acme.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.logging.Logger;

public class Auth0VerifyCatchReturnsTrue {
    private static final Logger LOG = Logger.getLogger("auth");
    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("SECRET"));

    public boolean isValid(String token) {
        try {
            JWT.require(algorithm).withIssuer("acme").build().verify(token); // expect: unverified-token
        } catch (JWTVerificationException e) {
            LOG.warning("token verification failed: " + e.getMessage());
            throw new SecurityException("token verification failed", e);
        }
        return true;
    }

    public DecodedJWT verified(String token) {
        try {
            return JWT.require(algorithm).build().verify(token); // ok: unverified-token
        } catch (JWTVerificationException e) {
            return null;
        }
    }
}
