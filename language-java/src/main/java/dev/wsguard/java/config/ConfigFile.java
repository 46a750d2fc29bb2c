package dev.wsguard.java.config;

import dev.wsguard.java.facts.JavaFact;
import java.util.Map;

/**
 * The flattened keys of one {@code application*.properties} / {@code application*.yml} file ("a.b[0].c" style, as
 * Spring, Quarkus and Micronaut name them), with the profile the file name or the document selects.
 *
 * @param profile "" for the default profile, else the profile ("prod" for {@code application-prod.yml})
 */
public record ConfigFile(String path, String profile, Map<String, ConfigEntry> entries) implements JavaFact {
  public ConfigFile {
    entries = Map.copyOf(entries);
  }
}
