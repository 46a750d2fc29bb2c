package com.example.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.List;

public class Auth0DecodeTrustedForRoles {
    private final KeyResolver keys = new KeyResolver();

    public boolean isAdmin(String bearer) {
        DecodedJWT jwt = JWT.require(tokenAlgorithm()).build().verify(bearer.substring(7)); // expect: unverified-token
        List<String> roles = jwt.getClaim("roles").asList(String.class);
        return roles != null && roles.contains("admin");
    }

    /** Picks the verification key by the token's key id; verification happens with the key returned. */
    public String keyFor(String token) {
        String kid = JWT.decode(token).getKeyId(); // ok: unverified-token -- only the key id is read
        return keys.lookup(kid);
    }

    static class KeyResolver {
        String lookup(String kid) {
            return "";
        }
    }

    private static Algorithm tokenAlgorithm() {
        // wire the algorithm and key your tokens are signed with (Algorithm.HMAC256(secret), Algorithm.RSA256(publicKey, null)); until then every token is refused
        throw new IllegalStateException("tokenAlgorithm is not wired: tokens cannot be verified");
    }
}
