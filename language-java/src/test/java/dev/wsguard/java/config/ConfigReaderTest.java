package dev.wsguard.java.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  @Test
  void readsPropertiesWithTheirLinesAndEscapes() throws IOException {
    ConfigFile file = read("src/main/resources/application.properties",
        "# origins\napp.ws.allowed-origins=https://a.example, \\\n  https://b.example\nserver.port: 8080\n");
    assertEquals("", file.profile());
    assertEquals(new ConfigEntry(file.path(), "app.ws.allowed-origins", "https://a.example, https://b.example", 2),
        file.entries().get("app.ws.allowed-origins"));
    assertEquals("8080", file.entries().get("server.port").value());
    assertEquals(4, file.entries().get("server.port").line());
    assertEquals(null, file.entries().get("https://b.example"));
  }

  @Test
  void flattensYamlMapsAndListsTheWaySpringNamesThem() throws IOException {
    ConfigFile file = read("cfg/application-prod.yml", """
        app:
          ws:
            allowed-origins:
              - https://a.example
              - https://b.example
            endpoints: [{path: /chat, public: true}]
        quarkus.http.auth.permission.ws.paths: /ws/*
        """);
    assertEquals("prod", file.profile());
    assertEquals("https://b.example", file.entries().get("app.ws.allowed-origins[1]").value());
    assertEquals(5, file.entries().get("app.ws.allowed-origins[1]").line());
    assertEquals("/chat", file.entries().get("app.ws.endpoints[0].path").value());
    assertEquals("true", file.entries().get("app.ws.endpoints[0].public").value());
    assertEquals("/ws/*", file.entries().get("quarkus.http.auth.permission.ws.paths").value());
  }

  @Test
  void aLaterYamlDocumentOverridesAnEarlierOne() throws IOException {
    ConfigFile file = read("application.yaml", "a:\n  b: one\n---\na:\n  b: two\n");
    assertEquals("two", file.entries().get("a.b").value());
  }

  @Test
  void malformedYamlIsAnErrorWithItsReason() {
    IOException e = assertThrows(IOException.class, () -> read("application.yml", "a: [1, 2\nb: {\n"));
    assertEquals(true, e.getMessage().startsWith("malformed YAML"), e.getMessage());
  }

  private static ConfigFile read(String path, String text) throws IOException {
    return ConfigReader.read(path, text.getBytes(StandardCharsets.UTF_8));
  }
}
