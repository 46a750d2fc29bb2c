package dev.wsguard.java.link;

import dev.wsguard.core.engine.LinkContext;
import dev.wsguard.java.JavaFileAnalysis;
import dev.wsguard.java.config.ConfigEntry;
import dev.wsguard.java.config.ConfigFile;
import dev.wsguard.java.facts.JavaFact;
import dev.wsguard.java.facts.TypeFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every fact of every analysed Java and configuration file, for the framework linkers: facts by type, declared types
 * by name, and configuration values by key.
 */
public final class LinkIndex {
  /** A fact and the file that stated it. */
  public record Located<T extends JavaFact>(String path, T fact) {}

  private final List<JavaFileAnalysis> files;
  private final LinkContext context;
  private final Map<String, Located<TypeFact>> types = new HashMap<>();

  public LinkIndex(List<JavaFileAnalysis> files, LinkContext context) {
    this.files = List.copyOf(files);
    this.context = context;
    for (Located<TypeFact> t : all(TypeFact.class)) {
      types.putIfAbsent(t.fact().name(), t);
    }
  }

  public LinkContext context() {
    return context;
  }

  /** Every fact of this type, in path order. */
  public <T extends JavaFact> List<Located<T>> all(Class<T> type) {
    List<Located<T>> out = new ArrayList<>();
    for (JavaFileAnalysis file : files) {
      for (JavaFact fact : file.facts()) {
        if (type.isInstance(fact)) {
          out.add(new Located<>(file.path(), type.cast(fact)));
        }
      }
    }
    return out;
  }

  /** The project's type of this fully qualified name; empty when it is not in an analysed file. */
  public Optional<Located<TypeFact>> type(String qualifiedName) {
    return Optional.ofNullable(types.get(qualifiedName));
  }

  /**
   * A configuration value for the default profile: properties files win over YAML files in the same folder, as
   * Spring Boot reads them; among several modules the file nearest to {@code nearPath} wins.
   */
  public Optional<ConfigEntry> config(String key, String nearPath) {
    List<ConfigFile> candidates = new ArrayList<>();
    for (Located<ConfigFile> c : all(ConfigFile.class)) {
      if (c.fact().profile().isEmpty() && c.fact().entries().containsKey(key)) {
        candidates.add(c.fact());
      }
    }
    candidates.sort(Comparator.comparingInt((ConfigFile c) -> -commonPrefix(c.path(), nearPath))
        .thenComparing(c -> c.path().endsWith(".properties") ? 0 : 1)
        .thenComparing(ConfigFile::path));
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0).entries().get(key));
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
