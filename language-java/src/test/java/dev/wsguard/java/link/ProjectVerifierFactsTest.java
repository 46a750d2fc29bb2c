package dev.wsguard.java.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.model.Verifier;
import dev.wsguard.java.Linked;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectVerifierFactsTest {
  private static Verifier only(String... pathsAndTexts) {
    List<Verifier> all = Linked.of(pathsAndTexts).verifiers();
    assertEquals(1, all.size(), "verifiers: " + all);
    return all.get(0);
  }

  @Test
  void aStaticJjwtParseThatThrowsOnABadToken() {
    Verifier v = only("src/main/java/com/acme/auth/JwtUtil.java", """
        package com.acme.auth;

        import io.jsonwebtoken.Claims;
        import io.jsonwebtoken.Jwts;
        import javax.crypto.SecretKey;

        public final class JwtUtil {
          private static final SecretKey KEY = Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").getBytes());

          private JwtUtil() {}

          public static Claims parseToken(String token) {
            return Jwts.parser().verifyWith(KEY).build().parseSignedClaims(token).getPayload();
          }
        }
        """);
    assertEquals("parseToken", v.name());
    assertEquals("com.acme.auth.JwtUtil", v.container());
    assertEquals(Verifier.Input.TOKEN, v.input());
    assertEquals(Verifier.Failure.THROWS, v.failure());
    assertFalse(v.instance());
    assertFalse(v.async());
    assertEquals(12, v.location().startLine());
  }

  @Test
  void aSpringServiceThatAnswersNullOnFailureAndBuildsItsUser() {
    Verifier v = only("src/main/java/com/acme/security/TokenService.java", """
        package com.acme.security;

        import com.auth0.jwt.JWT;
        import com.auth0.jwt.JWTVerifier;
        import com.auth0.jwt.algorithms.Algorithm;
        import com.auth0.jwt.exceptions.JWTVerificationException;
        import com.auth0.jwt.interfaces.DecodedJWT;
        import org.springframework.stereotype.Service;

        @Service
        public class TokenService {
          private final JWTVerifier verifier = JWT.require(Algorithm.HMAC256(System.getenv("JWT_SECRET"))).build();

          public UserPrincipal authenticate(String token) {
            if (token == null || token.isBlank()) {
              return null;
            }
            try {
              DecodedJWT jwt = verifier.verify(token);
              return new UserPrincipal(jwt.getSubject(), jwt.getClaim("roles").asList(String.class));
            } catch (JWTVerificationException e) {
              return null;
            }
          }
        }
        """);
    assertEquals("authenticate", v.name());
    assertEquals("com.acme.security.TokenService", v.container());
    assertEquals(Verifier.Failure.RETURNS_FALSY, v.failure());
    assertTrue(v.instance());
  }

  @Test
  void aStaticWrapperOfAnotherClassesVerifier() {
    List<Verifier> all = Linked.of("src/main/java/com/acme/ws/SocketAuth.java", """
        package com.acme.ws;

        import com.acme.auth.JwtUtil;
        import io.jsonwebtoken.Claims;

        public class SocketAuth {
          public static Claims claimsOf(String token) {
            return JwtUtil.parseToken(token);
          }
        }
        """, "src/main/java/com/acme/auth/JwtUtil.java", """
        package com.acme.auth;

        import io.jsonwebtoken.Claims;
        import io.jsonwebtoken.Jwts;

        public class JwtUtil {
          public static Claims parseToken(String token) {
            return Jwts.parser().verifyWith(Keys.KEY).build().parseSignedClaims(token).getPayload();
          }
        }
        """).verifiers();
    assertEquals(List.of("com.acme.auth.JwtUtil#parseToken", "com.acme.ws.SocketAuth#claimsOf"),
        all.stream().map(v -> v.container() + "#" + v.name()).sorted().toList());
  }

  @Test
  void aDecodeOnlyHelperIsNoVerifier() {
    assertEquals(List.of(), Linked.of("src/main/java/com/acme/auth/JwtUtil.java", """
        package com.acme.auth;

        import com.auth0.jwt.JWT;
        import com.auth0.jwt.interfaces.DecodedJWT;

        public class JwtUtil {
          public static DecodedJWT verifyToken(String token) {
            return JWT.decode(token);
          }
        }
        """).verifiers());
  }

  @Test
  void aHelperThatSwallowsTheFailureAndReturnsThePayloadAnywayIsNoVerifier() {
    assertEquals(List.of(), Linked.of("src/main/java/com/acme/auth/JwtUtil.java", """
        package com.acme.auth;

        import com.auth0.jwt.JWT;
        import com.auth0.jwt.algorithms.Algorithm;
        import com.auth0.jwt.exceptions.JWTVerificationException;
        import com.auth0.jwt.interfaces.DecodedJWT;

        public class JwtUtil {
          public static DecodedJWT verifyToken(String token) {
            try {
              return JWT.require(Algorithm.HMAC256("s3cret")).build().verify(token);
            } catch (JWTVerificationException e) {
              // expired tokens still get through for read-only screens
              return JWT.decode(token);
            }
          }
        }
        """).verifiers());
  }

  @Test
  void aHelperNamedVerifyTokenThatChecksNothingIsNoVerifier() {
    assertEquals(List.of(), Linked.of("src/main/java/com/acme/auth/TokenUtil.java", """
        package com.acme.auth;

        public class TokenUtil {
          public static String verifyToken(String token) {
            if (token == null || token.length() < 20) {
              return null;
            }
            return token.trim();
          }
        }
        """).verifiers());
  }

  @Test
  void aBooleanAnswerAnInstanceMethodOfAPlainClassAndAPrivateMethodAreLeftOut() {
    assertEquals(List.of(), Linked.of("src/main/java/com/acme/auth/Checks.java", """
        package com.acme.auth;

        import io.jsonwebtoken.Claims;
        import io.jsonwebtoken.JwtException;
        import io.jsonwebtoken.Jwts;

        public class Checks {
          public static boolean isValid(String token) {
            try {
              Jwts.parser().verifyWith(Keys.KEY).build().parseSignedClaims(token);
              return true;
            } catch (JwtException e) {
              return false;
            }
          }

          public Claims claims(String token) {
            return Jwts.parser().verifyWith(Keys.KEY).build().parseSignedClaims(token).getPayload();
          }

          private static Claims parse(String token) {
            return Jwts.parser().verifyWith(Keys.KEY).build().parseSignedClaims(token).getPayload();
          }
        }
        """).verifiers());
  }
}
