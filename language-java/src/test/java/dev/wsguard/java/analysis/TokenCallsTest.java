package dev.wsguard.java.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.wsguard.java.analysis.TokenCalls.TokenCall;
import dev.wsguard.java.unit.TypeNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCallsTest {
  private static List<TokenCall> calls(String code) {
    CompilationUnit unit = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)).parse(code).getResult().orElseThrow();
    return TokenCalls.in(unit, new TypeNames(unit));
  }

  @Test
  void reportsJjwtSignedParseAsVerifiedAndUnsignedParseAsTrustedDecode() {
    List<TokenCall> found = calls("""
        import io.jsonwebtoken.Jwts;
        import io.jsonwebtoken.JwtParser;
        class A {
          JwtParser parser;
          String a(String t) { return parser.parseSignedClaims(t).getPayload().getSubject(); }
          String b(String t) { return Jwts.parser().build().parseClaimsJwt(t).getBody().getSubject(); }
          Object c(String t) { return Jwts.parser().unsecured().build().parse(t); }
        }
        """);
    assertEquals(3, found.size());
    assertTrue(found.get(0).signatureChecked());
    assertFalse(found.get(1).signatureChecked());
    assertTrue(found.get(1).resultTrusted());
    assertFalse(found.get(2).signatureChecked(), "parse() after unsecured() accepts unsigned tokens");
  }

  @Test
  void ignoresADecodeReadOnlyForItsKeyId() {
    List<TokenCall> found = calls("""
        import com.auth0.jwt.JWT;
        class A {
          String kid(String t) { return JWT.decode(t).getKeyId(); }
          String sub(String t) { var jwt = JWT.decode(t); return jwt.getSubject(); }
        }
        """);
    assertFalse(found.get(0).resultTrusted());
    assertTrue(found.get(1).resultTrusted());
  }

  @Test
  void reportsACatchThatLogsAndCarriesOnButNotOneThatReturnsFalse() {
    List<TokenCall> found = calls("""
        import com.auth0.jwt.JWT;
        import com.auth0.jwt.exceptions.JWTVerificationException;
        class A {
          boolean open(String t) {
            try { JWT.require(null).build().verify(t); } catch (JWTVerificationException e) { log(e); }
            return true;
          }
          boolean closed(String t) {
            try { JWT.require(null).build().verify(t); return true; } catch (JWTVerificationException e) { return false; }
          }
          void log(Exception e) {}
        }
        """);
    assertTrue(found.get(0).failureSwallowed());
    assertNotNull(found.get(0).swallowedAt());
    assertFalse(found.get(1).failureSwallowed());
  }

  @Test
  void treatsANimbusParseAsVerifiedOnlyWhenItsResultIsVerified() {
    List<TokenCall> found = calls("""
        import com.nimbusds.jwt.SignedJWT;
        class A {
          String parsedOnly(String t) throws Exception { SignedJWT jwt = SignedJWT.parse(t); return jwt.getJWTClaimsSet().getSubject(); }
          String verified(String t) throws Exception {
            SignedJWT jwt = SignedJWT.parse(t);
            if (!jwt.verify(null)) { throw new SecurityException(); }
            return jwt.getJWTClaimsSet().getSubject();
          }
          void ignored(String t) throws Exception { SignedJWT jwt = SignedJWT.parse(t); jwt.verify(null); }
        }
        """);
    assertEquals(3, found.size());
    assertFalse(found.get(0).signatureChecked());
    assertTrue(found.get(1).signatureChecked() && !found.get(1).failureSwallowed());
    assertTrue(found.get(2).failureSwallowed(), "a dropped boolean verify result lets every token through");
  }

  @Test
  void recognisesAHandDecodedJwtPayloadButNotOtherBase64() {
    List<TokenCall> found = calls("""
        import java.util.Base64;
        class A {
          byte[] claims(String token) { String[] parts = token.split("\\\\."); return Base64.getUrlDecoder().decode(parts[1]); }
          byte[] image(String dataUrl) { return Base64.getDecoder().decode(dataUrl.split(",")[1]); }
        }
        """);
    assertEquals(1, found.size());
    assertEquals(TokenCalls.MANUAL_DECODE, found.get(0).library());
  }

  @Test
  void needsTheImportToNameALibrary() {
    assertTrue(calls("""
        class JWT { static Object decode(String t) { return null; } }
        class A { Object a(String t) { return JWT.decode(t); } }
        """).isEmpty(), "a project class called JWT is not java-jwt");
  }
}
