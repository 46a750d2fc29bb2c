package com.acme.scopes;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;

public final class NimbusStaticParseNoVerifier {
    private NimbusStaticParseNoVerifier() {
    }

    public static List<String> scopes(String bearer) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(bearer); // expect: unverified-token
        try {
            if (!jwt.verify(tokenVerifier())) {
                throw new SecurityException("the token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw new SecurityException("the token's signature could not be checked", e);
        }
        return jwt.getJWTClaimsSet().getStringListClaim("scope");
    }

    private static JWSVerifier tokenVerifier() {
        // wire the verifier of the key your tokens are signed with (new MACVerifier(secret), new RSASSAVerifier(publicKey)); until then every token is refused
        throw new IllegalStateException("tokenVerifier is not wired: tokens cannot be verified");
    }
}
