package io.jsonwebtoken;

public final class Jwts {
  /** jjwt 0.11's builder entry point, deprecated in 0.12 for {@link #parser()}. */
  @Deprecated
  public static JwtParserBuilder parserBuilder() {
    throw new UnsupportedOperationException("stub");
  }

  public static JwtParserBuilder parser() {
    throw new UnsupportedOperationException("stub");
  }
}
