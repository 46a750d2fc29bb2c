package dev.wsguard.js.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsguard.core.model.CredentialSource;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialReaderTest {
  private static Set<CredentialSource> read(String body) {
    Parsed p = Parsed.of("a.js", "const jwt = require('jsonwebtoken');\nfunction guard(req, msg) {\n" + body + "\n}");
    p.cx.role(Syntax.parameter(p.node("function_declaration", p.cx.tree().root().namedChild(1).text()), 0),
        Role.REQUEST);
    p.cx.role(Syntax.parameter(p.node("function_declaration", p.cx.tree().root().namedChild(1).text()), 1),
        Role.MESSAGE);
    return new CredentialReader(p.cx).read(p.cx.tree().root().namedChild(1));
  }

  @Test
  void readsHeaderSubprotocolAndQueryTokens() {
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), read("return req.headers.authorization;"));
    assertEquals(Set.of(CredentialSource.SUBPROTOCOL_TOKEN), read("return req.headers['sec-websocket-protocol'];"));
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN),
        read("return new URL(req.url, 'http://x').searchParams.get('token');"));
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN),
        read("const { query } = url.parse(req.url, true); return query.access_token;"));
  }

  @Test
  void readsAQueryTokenThroughTheVariableHoldingTheQuery() {
    assertEquals(Set.of(CredentialSource.QUERY_TOKEN), read(
        "const params = new URL(req.url, 'http://x').searchParams;\nconst t = params.get('access_token');\nreturn t;"));
    assertEquals(Set.of(), read(
        "const params = new URL(req.url, 'http://x').searchParams;\nreturn params.get('room');"));
  }

  @Test
  void readsATokenInANamedHeader() {
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), read("return req.headers['x-api-key'];"));
    assertEquals(Set.of(CredentialSource.HEADER_TOKEN), read("return req.headers['x-auth-token'];"));
    assertEquals(Set.of(), read("return req.headers['x-request-id'];"));
  }

  @Test
  void readsAmbientCredentials() {
    assertEquals(Set.of(CredentialSource.COOKIE), read("return cookie.parse(req.headers.cookie || '').sid;"));
    assertEquals(Set.of(CredentialSource.HTTP_SESSION), read("return req.session.user;"));
    assertEquals(Set.of(CredentialSource.CLIENT_CERT), read("return req.socket.getPeerCertificate().subject;"));
  }

  @Test
  void readsATokenInTheMessage() {
    assertEquals(Set.of(CredentialSource.FIRST_MESSAGE_TOKEN), read("return jwt.verify(msg.token, KEY);"));
  }

  @Test
  void ignoresReadsOfOtherThings() {
    assertEquals(Set.of(), read("return req.headers.origin + new URL(req.url, 'http://x').searchParams.get('room');"));
  }
}
