package dev.wsguard.java.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads framework configuration files into flat keys. Properties files through {@link Properties} (so escapes and
 * continuation lines mean what they mean to Spring), YAML through Jackson's streaming reader, which gives each key's
 * line. Anything that does not parse throws {@link IOException} with the reason; the caller turns it into a
 * notification.
 */
public final class ConfigReader {
  private ConfigReader() {}

  /** True for the configuration files the Java front end reads. */
  public static boolean isConfig(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml");
  }

  public static ConfigFile read(String path, byte[] content) throws IOException {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String base = name.substring(0, name.lastIndexOf('.'));
    String profile = base.contains("-") ? base.substring(base.indexOf('-') + 1) : "";
    String text = new String(content, StandardCharsets.UTF_8);
    Map<String, ConfigEntry> entries =
        name.endsWith(".properties") ? properties(path, text) : yaml(path, text);
    return new ConfigFile(path, profile, entries);
  }

  private static Map<String, ConfigEntry> properties(String path, String text) throws IOException {
    Properties props = new Properties();
    try {
      props.load(new StringReader(text));
    } catch (IllegalArgumentException e) {
      throw new IOException("malformed properties: " + e.getMessage(), e);
    }
    Map<String, Integer> lines = keyLines(text);
    Map<String, ConfigEntry> out = new LinkedHashMap<>();
    for (String key : props.stringPropertyNames()) {
      out.put(key, new ConfigEntry(path, key, props.getProperty(key), lines.getOrDefault(key, 0)));
    }
    return out;
  }

  /** The line each plain {@code key=value} line starts on; keys with escapes fall back to line 0. */
  private static Map<String, Integer> keyLines(String text) {
    Map<String, Integer> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    boolean continued = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      boolean wasContinued = continued;
      continued = endsWithOddBackslashes(line);
      if (wasContinued || line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && "=: \t".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      out.putIfAbsent(line.substring(0, end), i + 1);
    }
    return out;
  }

  private static boolean endsWithOddBackslashes(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return (n & 1) == 1;
  }

  private static Map<String, ConfigEntry> yaml(String path, String text) throws IOException {
    Map<String, ConfigEntry> out = new LinkedHashMap<>();
    YAMLFactory factory = YAMLFactory.builder().build();
    try (JsonParser p = factory.createParser(text)) {
      Deque<String> prefix = new ArrayDeque<>();
      Deque<Integer> indexes = new ArrayDeque<>();
      String field = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> field = p.currentName();
          case START_OBJECT, START_ARRAY -> {
            String key = childKey(prefix, indexes, field);
            prefix.push(key);
            indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
            field = null;
          }
          case END_OBJECT, END_ARRAY -> {
            if (!prefix.isEmpty()) {
              prefix.pop();
              indexes.pop();
            }
            bumpIndex(indexes);
            field = null;
          }
          default -> {
            String key = childKey(prefix, indexes, field);
            if (!key.isEmpty()) {
              JsonLocation at = p.currentTokenLocation();
              String value = t == JsonToken.VALUE_NULL ? "" : p.getText();
              // a later document (--- separated) overrides an earlier one, as Spring reads them
              out.put(key, new ConfigEntry(path, key, value, (int) at.getLineNr()));
            }
            bumpIndex(indexes);
            field = null;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("malformed YAML: " + firstLine(e.getMessage()), e);
    }
    return out;
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String childKey(Deque<String> prefix, Deque<Integer> indexes, String field) {
    String parent = prefix.isEmpty() ? "" : prefix.peek();
    if (!indexes.isEmpty() && indexes.peek() >= 0) {
      return parent + "[" + indexes.peek() + "]";
    }
    if (field == null) {
      return parent;
    }
    return parent.isEmpty() ? field : parent + "." + field;
  }

  private static void bumpIndex(Deque<Integer> indexes) {
    if (!indexes.isEmpty() && indexes.peek() >= 0) {
      indexes.push(indexes.pop() + 1);
    }
  }
}
