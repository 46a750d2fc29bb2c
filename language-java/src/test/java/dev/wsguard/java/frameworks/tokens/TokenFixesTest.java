package dev.wsguard.java.frameworks.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.core.fix.FixIntent;
import dev.wsguard.core.model.TokenUse;
import dev.wsguard.java.Linked;
import dev.wsguard.java.fix.Patching;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenFixesTest {
  private static final String PATH = "a/Tokens.java";

  /** The one untrusted use of the text (decoded, or verified with the failure swallowed). */
  private static TokenUse flagged(String text) {
    List<TokenUse> uses = Linked.of(PATH, text).tokenUses().stream()
        .filter(u -> !u.signatureChecked() && u.resultTrusted() || u.signatureChecked() && u.failureSwallowed())
        .toList();
    assertEquals(1, uses.size(), uses.toString());
    return uses.get(0);
  }

  private static Optional<String> patched(String text) {
    return Patching.patched(PATH, text, new FixIntent.VerifyToken(flagged(text)));
  }

  /** True when the patched text has no untrusted token use left. */
  private static boolean clean(String text) {
    return Linked.of(PATH, text).tokenUses().stream()
        .noneMatch(u -> !u.signatureChecked() && u.resultTrusted() || u.signatureChecked() && u.failureSwallowed());
  }

  @Test
  void verifiesAnAuth0DecodeWithTheAlgorithmTheClassHolds() {
    String text = """
        package a;

        import com.auth0.jwt.JWT;
        import com.auth0.jwt.algorithms.Algorithm;

        class Tokens {
            private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("SECRET"));

            String user(String token) {
                return JWT.decode(token).getSubject();
            }
        }
        """;
    String out = patched(text).orElseThrow();
    assertEquals(text.replace("JWT.decode(token)", "JWT.require(algorithm).build().verify(token)"), out);
    assertTrue(clean(out));
  }

  @Test
  void addsAPlaceholderKeyThatThrowsWhereTheClassHoldsNone() {
    String text = """
        package a;

        import io.jsonwebtoken.Claims;
        import io.jsonwebtoken.Jwts;

        class Tokens {
            @SuppressWarnings("deprecation")
            Claims claims(String token) {
                return Jwts.parser().build().parseClaimsJwt(token).getBody();
            }
        }
        """;
    String out = patched(text).orElseThrow();
    assertTrue(out.contains("return Jwts.parser().verifyWith(tokenSigningKey()).build().parseClaimsJws(token).getBody();"),
        out);
    assertTrue(out.contains("import javax.crypto.SecretKey;\n"), out);
    assertTrue(out.contains("""
            private static SecretKey tokenSigningKey() {
                // wire the key your tokens are signed with\
        """), out);
    assertTrue(out.contains("        throw new IllegalStateException(\"tokenSigningKey is not wired: tokens cannot be"
        + " verified\");\n"), out);
    assertTrue(clean(out));
  }

  @Test
  void leavesAParserBuiltElsewhereAlone() {
    String text = """
        package a;

        import io.jsonwebtoken.Claims;
        import io.jsonwebtoken.JwtParser;

        class Tokens {
            private final JwtParser parser;

            Tokens(JwtParser parser) {
                this.parser = parser;
            }

            @SuppressWarnings("deprecation")
            Claims claims(String token) {
                return parser.parseClaimsJwt(token).getBody();
            }
        }
        """;
    assertEquals(Optional.empty(), patched(text));
  }

  @Test
  void checksANimbusSignatureDirectlyWhereTheMethodLetsJoseExceptionOut() {
    String text = """
        package a;

        import com.nimbusds.jose.JOSEException;
        import com.nimbusds.jose.JWSVerifier;
        import com.nimbusds.jwt.SignedJWT;
        import java.text.ParseException;

        class Tokens {
            private static JWSVerifier verifier;

            static String subject(String token) throws ParseException, JOSEException {
                SignedJWT jwt = SignedJWT.parse(token);
                return jwt.getJWTClaimsSet().getSubject();
            }
        }
        """;
    String out = patched(text).orElseThrow();
    assertEquals(text.replace("        SignedJWT jwt = SignedJWT.parse(token);\n", """
                SignedJWT jwt = SignedJWT.parse(token);
                if (!jwt.verify(verifier)) {
                    throw new SecurityException("the token's signature does not verify");
                }
        """), out);
    assertTrue(clean(out));
  }

  @Test
  void rethrowsAVerificationFailureThatACatchSwallows() {
    String text = """
        package a;

        import io.jsonwebtoken.JwtException;
        import io.jsonwebtoken.JwtParser;

        class Tokens {
            private JwtParser parser;

            boolean valid(String token) {
                try {
                    parser.parseSignedClaims(token);
                } catch (JwtException e) {
                    System.err.println("bad token");
                }
                return true;
            }
        }
        """;
    String out = patched(text).orElseThrow();
    assertEquals(text.replace("System.err.println(\"bad token\");\n", "System.err.println(\"bad token\");\n"
        + "            throw new SecurityException(\"token verification failed\", e);\n"), out);
    assertTrue(clean(out));
  }

  @Test
  void leavesACatchThatReturnsToItsAuthor() {
    String text = """
        package a;

        import io.jsonwebtoken.JwtException;
        import io.jsonwebtoken.JwtParser;

        class Tokens {
            private JwtParser parser;

            boolean valid(String token) {
                try {
                    parser.parseSignedClaims(token);
                } catch (JwtException e) {
                    return true;
                }
                return true;
            }
        }
        """;
    assertEquals(Optional.empty(), patched(text));
  }

  @Test
  void leavesAHandRolledDecodeAlone() {
    String text = """
        package a;

        import java.util.Base64;

        class Tokens {
            static String payload(String token) {
                return new String(Base64.getUrlDecoder().decode(token.split("\\\\.")[1]));
            }
        }
        """;
    assertEquals(Optional.empty(), patched(text));
  }
}
