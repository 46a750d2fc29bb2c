package com.acme.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

public class Auth0DecodeCurrentUser {
    public String currentUser(String bearer) {
        String token = bearer.replace("Bearer ", "");
        DecodedJWT jwt = JWT.require(tokenAlgorithm()).build().verify(token); // expect: unverified-token
        return jwt.getSubject();
    }

    public String keyIdOf(String token) {
        return JWT.decode(token).getKeyId(); // ok: unverified-token
    }

    private static Algorithm tokenAlgorithm() {
        // wire the algorithm and key your tokens are signed with (Algorithm.HMAC256(secret), Algorithm.RSA256(publicKey, null)); until then every token is refused
        throw new IllegalStateException("tokenAlgorithm is not wired: tokens cannot be verified");
    }
}
