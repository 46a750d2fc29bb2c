package com.nimbusds.jose;

public class JOSEException extends Exception {
  public JOSEException(String message) {
    super(message);
  }
}
