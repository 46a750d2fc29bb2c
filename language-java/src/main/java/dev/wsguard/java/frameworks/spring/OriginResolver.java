package dev.wsguard.java.frameworks.spring;

import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.java.config.ConfigEntry;
import dev.wsguard.java.frameworks.spring.SpringFacts.ConfigPropertiesFact;
import dev.wsguard.java.frameworks.spring.SpringFacts.OriginArg;
import dev.wsguard.java.link.LinkIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a Spring endpoint's allowed origins to an {@link OriginPolicy}: literals, {@code @Value} placeholders
 * through application.properties / application.yml (with the placeholder's default), and
 * {@code @ConfigurationProperties} fields (configured value, else the field's code default). Registry endpoints
 * without origins are same-origin only, Spring's default; directly wired handlers accept every origin.
 */
final class OriginResolver {
  private final LinkIndex index;

  OriginResolver(LinkIndex index) {
    this.index = index;
  }

  OriginPolicy policy(SpringFacts.Registration r) {
    if (r.originAt() == null) {
      return r.registry()
          ? new OriginPolicy(OriginPolicy.Kind.SAME_ORIGIN_DEFAULT, null,
              "Spring accepts only same-origin handshakes on registry endpoints unless allowed origins are set")
          : new OriginPolicy(OriginPolicy.Kind.ANY, null,
              "a WebSocketHttpRequestHandler wired directly checks no Origin");
    }
    return policy(r.origins(), r.originAt(), r.declaration().path());
  }

  /** The policy of a list of allowed origins set at {@code originAt}, resolved near the file {@code near}. */
  OriginPolicy policy(List<OriginArg> origins, dev.wsguard.core.model.SourceLocation originAt, String near) {
    List<String> values = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    String where = null;
    for (OriginArg a : origins) {
      Optional<List<String>> resolved = resolve(a, near);
      if (resolved.isEmpty()) {
        unknown.add(a.value());
        continue;
      }
      values.addAll(resolved.get());
      if (a.kind() != OriginArg.Kind.LITERAL) {
        where = a.kind() == OriginArg.Kind.CONFIG ? "${" + a.value() + "}" : a.type() + "." + a.value();
      }
    }
    if (values.stream().anyMatch(OriginResolver::anyOrigin)) {
      String detail = where == null ? "the allowed origins include \"*\": every Origin is accepted"
          : "the allowed origins (" + where + ") resolve to \"*\": every Origin is accepted";
      return new OriginPolicy(OriginPolicy.Kind.ANY, originAt, detail);
    }
    if (!unknown.isEmpty()) {
      return new OriginPolicy(OriginPolicy.Kind.UNKNOWN, originAt,
          "the allowed origins come from " + String.join(", ", unknown) + ", which wsguard could not resolve");
    }
    if (values.isEmpty()) {
      return new OriginPolicy(OriginPolicy.Kind.SAME_ORIGIN_DEFAULT, originAt,
          "the allowed origins resolve to an empty list, so Spring accepts only same-origin handshakes");
    }
    return new OriginPolicy(OriginPolicy.Kind.ALLOW_LIST, originAt,
        "only these origins are accepted: " + String.join(", ", values));
  }

  /** {@code *}, or a pattern whose host is only a wildcard ({@code https://*}, {@code http://*:*}). */
  static boolean anyOrigin(String value) {
    String v = value.strip();
    if (v.equals("*")) {
      return true;
    }
    int scheme = v.indexOf("://");
    String host = scheme < 0 ? v : v.substring(scheme + 3);
    return host.equals("*") || host.startsWith("*:") || host.equals("*.*");
  }

  private Optional<List<String>> resolve(OriginArg a, String near) {
    return switch (a.kind()) {
      case LITERAL -> Optional.of(List.of(a.value()));
      case CONFIG -> config(a.value(), near).or(() -> Optional.ofNullable(a.fallback()).map(OriginResolver::split));
      case PROPERTIES -> properties(a, near);
      case UNKNOWN -> Optional.empty();
    };
  }

  /** A key's value: a comma-separated string, or a YAML / indexed list ({@code key[0]}, {@code key[1]}). */
  private Optional<List<String>> config(String key, String near) {
    Optional<ConfigEntry> single = index.config(key, near);
    if (single.isPresent()) {
      return Optional.of(split(single.get().value()));
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; ; i++) {
      Optional<ConfigEntry> item = index.config(key + "[" + i + "]", near);
      if (item.isEmpty()) {
        break;
      }
      items.add(item.get().value());
    }
    return items.isEmpty() ? Optional.empty() : Optional.of(items);
  }

  private Optional<List<String>> properties(OriginArg a, String near) {
    for (LinkIndex.Located<ConfigPropertiesFact> p : index.all(ConfigPropertiesFact.class)) {
      if (!p.fact().type().equals(a.type())) {
        continue;
      }
      for (String key : List.of(p.fact().prefix() + "." + kebab(a.value()), p.fact().prefix() + "." + a.value())) {
        Optional<List<String>> configured = config(key, near);
        if (configured.isPresent()) {
          return configured;
        }
      }
      return Optional.of(p.fact().defaults().getOrDefault(a.value(), List.of()));
    }
    return Optional.empty();
  }

  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
