package dev.wsguard.java.frameworks.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsguard.java.facts.JavaFact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebXmlReaderTest {
  private static List<JavaFact> read(String xml) throws IOException {
    List<JavaFact> out = new ArrayList<>();
    new WebXmlReader().read("src/main/webapp/WEB-INF/web.xml", xml.getBytes(StandardCharsets.UTF_8), out::add);
    return out;
  }

  @Test
  void readsConstraintsWithTheirMethodsAndLine() throws IOException {
    List<JavaFact> facts = read("""
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee">
          <security-constraint>
            <web-resource-collection><url-pattern>/ws/*</url-pattern><http-method>POST</http-method></web-resource-collection>
            <auth-constraint><role-name>user</role-name></auth-constraint>
          </security-constraint>
          <login-config><auth-method>BASIC</auth-method></login-config>
        </web-app>
        """);
    JakartaFacts.SecurityConstraint c = (JakartaFacts.SecurityConstraint) facts.get(0);
    assertEquals(List.of("/ws/*"), c.urlPatterns());
    assertEquals(List.of("POST"), c.methods());
    assertEquals("BASIC", c.authMethod());
    assertEquals(2, c.location().startLine());
    assertTrue(JakartaLinker.covers(c, List.of("/ws/chat")) == null, "a POST-only constraint leaves the GET upgrade");
  }

  @Test
  void refusesDocumentTypeDeclarations() {
    assertThrows(IOException.class, () -> read("""
        <?xml version="1.0"?>
        <!DOCTYPE web-app [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <web-app>&x;</web-app>
        """));
  }
}
