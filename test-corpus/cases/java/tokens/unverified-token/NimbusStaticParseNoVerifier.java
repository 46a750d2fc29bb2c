package com.acme.scopes;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;

public final class NimbusStaticParseNoVerifier {
    private NimbusStaticParseNoVerifier() {
    }

    public static List<String> scopes(String bearer) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(bearer); // expect: unverified-token
        return jwt.getJWTClaimsSet().getStringListClaim("scope");
    }
}
