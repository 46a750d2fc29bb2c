package com.example.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

public class NimbusParseWithoutVerify {
    private static final byte[] SECRET = System.getenv("NIMBUS_SECRET").getBytes(StandardCharsets.UTF_8);

    public String tenantOf(String token) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(token); // expect: unverified-token
        try {
            if (!jwt.verify(new MACVerifier(SECRET))) {
                throw new SecurityException("the token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw new SecurityException("the token's signature could not be checked", e);
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        return claims.getStringClaim("tenant");
    }

    public String verifiedSubject(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new MACVerifier(SECRET))) { // ok: unverified-token
            throw new SecurityException("bad signature");
        }
        return jwt.getJWTClaimsSet().getSubject();
    }

    public String subjectIgnoringResult(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new MACVerifier(SECRET))) {
            throw new SecurityException("the token's signature does not verify");
        } // expect: unverified-token -- the boolean result is dropped
        return jwt.getJWTClaimsSet().getSubject();
    }
}
