package com.nimbusds.jose;

public interface JWSVerifier {
}
