package dev.wsguard.java.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API knowledge of the Java front end, read from the data tables in {@code wsguard/java/apis/*.txt} (one line
 * per API, {@code #} comments): which library calls verify or decode tokens, which method names change state or
 * check permissions, which words make a payload sensitive or public.
 */
public final class Apis {
  /** One JWT library call: the type its call chain starts from, the method, what it does, and its message name. */
  public record TokenApi(String rootType, String method, Effect effect, String library) {}

  /** What a token call does to the signature. */
  public enum Effect {
    VERIFY,
    DECODE,
    /** Reads a signed token that a later {@code verify(...)} on the result must check (Nimbus). */
    PARSE
  }

  private static final Map<String, List<String>> CACHE = new HashMap<>();

  private static final List<TokenApi> TOKEN_APIS = loadTokenApis();

  private Apis() {}

  /** The table's non-comment lines, trimmed. */
  public static synchronized List<String> lines(String table) {
    return CACHE.computeIfAbsent(table, Apis::load);
  }

  /** The table's first column, lower-cased, as a set (word tables). */
  public static Set<String> words(String table) {
    return lines(table).stream().map(l -> l.split("\\s+")[0].toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** The table's first column as written (method and type name tables). */
  public static Set<String> names(String table) {
    return lines(table).stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
  }

  public static List<TokenApi> tokenApis() {
    return List.copyOf(TOKEN_APIS);
  }

  private static List<TokenApi> loadTokenApis() {
    List<TokenApi> out = new ArrayList<>();
    for (String line : lines("token-apis")) {
      String[] f = line.split("\\s+");
      out.add(new TokenApi(f[0], f[1], Effect.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3]));
    }
    return List.copyOf(out);
  }

  /** The token APIs whose chains start from this type. */
  public static List<TokenApi> tokenApisOf(String rootType) {
    return TOKEN_APIS.stream().filter(a -> a.rootType().equals(rootType)).toList();
  }

  /** Builder methods that make a chain from this type accept unsigned tokens. */
  public static boolean unsecuredOption(String rootType, String method) {
    return lines("token-unsecured-options").contains(rootType + " " + method);
  }

  private static List<String> load(String table) {
    String resource = "/wsguard/java/apis/" + table + ".txt";
    InputStream in = Apis.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing API table " + resource);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l.replaceAll("\\s+", " "));
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
