package com.auth0.jwt;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;

public class JWT {
  public static DecodedJWT decode(String token) {
    throw new UnsupportedOperationException("stub");
  }

  public static Verification require(Algorithm algorithm) {
    throw new UnsupportedOperationException("stub");
  }
}
