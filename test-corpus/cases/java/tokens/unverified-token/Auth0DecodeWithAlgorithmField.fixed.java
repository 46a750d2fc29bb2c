package com.acme.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

public class Auth0DecodeWithAlgorithmField {
    private final Algorithm algorithm;

    public Auth0DecodeWithAlgorithmField(String secret) {
        this.algorithm = Algorithm.HMAC256(secret);
    }

    public String userId(String authorization) {
        String token = authorization.substring("Bearer ".length());
        DecodedJWT decoded = JWT.require(algorithm).build().verify(token); // expect: unverified-token
        return decoded.getClaim("uid").asString();
    }

    public String issuedBy(String token) {
        return JWT.require(algorithm).build().verify(token).getIssuer(); // ok: unverified-token
    }
}
