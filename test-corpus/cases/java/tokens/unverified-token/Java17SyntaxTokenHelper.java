package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

/** Records, sealed interfaces and text blocks around a token check. */
public final class Java17SyntaxTokenHelper {
    private static final String HELP = """
        Send the token in the Authorization header:
          Authorization: Bearer <token>
        """;

    public sealed interface AuthResult permits Authenticated, Rejected {
    }

    public record Authenticated(String subject) implements AuthResult {
    }

    public record Rejected(String reason) implements AuthResult {
    }

    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("JWT_SECRET"));

    public AuthResult authenticate(String token) {
        try {
            DecodedJWT jwt = JWT.require(algorithm).build().verify(token); // ok: unverified-token
            return new Authenticated(jwt.getSubject());
        } catch (JWTVerificationException e) {
            return new Rejected(HELP);
        }
    }

    public String describe(AuthResult result) {
        if (result instanceof Authenticated a) {
            return "user " + a.subject();
        }
        return "rejected";
    }
}
