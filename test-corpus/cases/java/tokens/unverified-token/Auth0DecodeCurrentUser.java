package com.acme.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;

public class Auth0DecodeCurrentUser {
    public String currentUser(String bearer) {
        String token = bearer.replace("Bearer ", "");
        DecodedJWT jwt = JWT.decode(token); // expect: unverified-token
        return jwt.getSubject();
    }

    public String keyIdOf(String token) {
        return JWT.decode(token).getKeyId(); // ok: unverified-token
    }
}
