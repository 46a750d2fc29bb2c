package com.nimbusds.jose.crypto;

public class MACVerifier implements com.nimbusds.jose.JWSVerifier {
  public MACVerifier(byte[] secret) throws com.nimbusds.jose.JOSEException {
  }
}
