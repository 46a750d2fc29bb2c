package dev.wsguard.js.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data tables under {@code /wsguard/js/apis/}: one API or name per line, {@code #} starts a comment, optional
 * further columns after whitespace. Loaded once; immutable afterwards.
 */
public final class ApiTables {
  /** How a verify call shows a failure (verify.txt, column 2). */
  public enum Failure {
    THROWS,
    CALLBACK,
    RESULT
  }

  private static final ApiTables INSTANCE = new ApiTables();

  /** "*.auth.getUser" split once into its member names; keys without "*." have none. */
  private final Map<String, String[]> suffixes = new java.util.HashMap<>();

  private final List<String> triggerWords = lines("trigger-words.txt");
  private final Set<String> wsServers = set("ws-servers.txt");
  private final Set<String> socketIoServers = set("socketio-servers.txt");
  private final Map<String, Failure> verifiers = new LinkedHashMap<>();
  private final Map<String, String> verifierCredentials = new LinkedHashMap<>();
  private final Set<String> decoders = set("decode.txt");
  private final Set<String> sessionParsers = set("session-parsers.txt");
  private final Set<String> sessionStores = set("session-stores.txt");
  private final Map<String, String> credentialParsers = new LinkedHashMap<>();
  private final Set<String> rejectMethods = set("socket-reject-methods.txt");
  private final Set<String> privilegedVerbs = lower("privileged-verbs.txt");
  private final Set<String> bookkeepingReceivers = set("privileged-receivers-excluded.txt");
  private final Set<String> permissionHelpers = lower("permission-helpers.txt");
  private final Set<String> identityNames = lower("identity-names.txt");
  private final Set<String> roleProperties = lower("role-properties.txt");
  private final Set<String> sensitiveWords = lower("payload-sensitive.txt");
  private final Set<String> publicWords = lower("payload-public.txt");
  private final Set<String> senderFields = lower("sender-fields.txt");
  private final Set<String> dbReceivers = lower("db-receivers.txt");
  private final Set<String> dbReadVerbs = lower("db-read-verbs.txt");
  private final Map<String, String> authMiddleware = new LinkedHashMap<>();

  private ApiTables() {
    for (String line : lines("verify.txt")) {
      String[] cols = line.split("\\s+");
      verifiers.put(cols[0], Failure.valueOf(cols[1].toUpperCase(Locale.ROOT)));
      if (cols.length > 2) {
        verifierCredentials.put(cols[0], cols[2]);
      }
    }
    for (String line : lines("credential-parsers.txt")) {
      String[] cols = line.split("\\s+");
      credentialParsers.put(cols[0], cols[1]);
    }
    for (String line : lines("auth-middleware.txt")) {
      String[] cols = line.split("\\s+");
      authMiddleware.put(cols[0], cols[1]);
    }
    suffixes(verifiers.keySet());
    suffixes(verifierCredentials.keySet());
    suffixes(decoders);
    suffixes(sessionParsers);
    suffixes(sessionStores);
    suffixes(credentialParsers.keySet());
  }

  public static ApiTables get() {
    return INSTANCE;
  }

  public List<String> triggerWords() {
    return triggerWords;
  }

  public boolean isWsServer(Api api) {
    return api != null && wsServers.contains(api.qualified());
  }

  /** True for what makes a Socket.IO server when called or constructed ({@code new Server()}, {@code require('socket.io')()}). */
  public boolean isSocketIoServer(Api api) {
    return api != null && socketIoServers.contains(api.qualified());
  }

  /** How a verify call fails, for an API or a callee chain; null when the call is no verify. */
  public Failure verifier(Api api, List<String> calleeChain) {
    return match(verifiers, api, calleeChain);
  }

  /** The credential a verify call reads from the request by itself ("COOKIE"); null when it is handed a token. */
  public String verifierCredential(Api api, List<String> calleeChain) {
    // an exact entry decides: jose.jwtVerify is handed a token, whatever *.jwtVerify (@fastify/jwt) reads
    if (api != null && verifiers.containsKey(api.qualified())) {
      return verifierCredentials.get(api.qualified());
    }
    return match(verifierCredentials, api, calleeChain);
  }

  public boolean isDecoder(Api api, List<String> calleeChain) {
    return matchSet(decoders, api, calleeChain);
  }

  /** A session store lookup: it returns the session or nothing, so only a check of its result verifies. */
  public boolean isSessionStore(Api api, List<String> calleeChain) {
    return matchSet(sessionStores, api, calleeChain);
  }

  public boolean isSessionParser(Api api, List<String> calleeChain) {
    return matchSet(sessionParsers, api, calleeChain);
  }

  /** The credential source name a call reads ("COOKIE"); null when it reads none. */
  public String credentialParser(Api api, List<String> calleeChain) {
    return match(credentialParsers, api, calleeChain);
  }

  /**
   * The credential (a CredentialSource name) read by the middleware a factory builds when that middleware verifies
   * the request and ends it on failure (express-jwt, passport.authenticate); null for any other API.
   */
  public String authMiddlewareCredential(Api api) {
    return api == null ? null : authMiddleware.get(api.qualified());
  }

  public boolean isRejectMethod(String name) {
    return rejectMethods.contains(name);
  }

  public boolean isPrivilegedVerb(String word) {
    return privilegedVerbs.contains(word.toLowerCase(Locale.ROOT));
  }

  public boolean isBookkeepingReceiver(String name) {
    return bookkeepingReceivers.contains(name);
  }

  public boolean isPermissionHelper(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (permissionHelpers.contains(lower)) {
      return true;
    }
    List<String> words = Words.split(name);
    // isBoardMember, isProjectOwner: a qualified isMember / isOwner
    if (words.size() > 2 && words.get(0).equals("is")
        && permissionHelpers.contains("is" + words.get(words.size() - 1))) {
      return true;
    }
    return !words.isEmpty() && permissionHelpers.contains(words.get(0))
        && (words.size() == 1 || !words.get(0).equals("is"));
  }

  public boolean isIdentityName(String name) {
    return identityNames.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean isRoleProperty(String name) {
    return roleProperties.contains(name.toLowerCase(Locale.ROOT));
  }

  public Set<String> sensitiveWords() {
    return sensitiveWords;
  }

  public Set<String> publicWords() {
    return publicWords;
  }

  public boolean isSenderField(String name) {
    return senderFields.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean isDbReceiver(String name) {
    return dbReceivers.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean isDbReadVerb(String word) {
    return dbReadVerbs.contains(word.toLowerCase(Locale.ROOT));
  }

  private <T> T match(Map<String, T> table, Api api, List<String> chain) {
    if (api != null) {
      T exact = table.get(api.qualified());
      if (exact != null) {
        return exact;
      }
    }
    if (chain != null && !chain.isEmpty()) {
      for (Map.Entry<String, T> entry : table.entrySet()) {
        String[] suffix = suffixes.get(entry.getKey());
        if (suffix != null && endsWith(chain, suffix)) {
          return entry.getValue();
        }
      }
    }
    return null;
  }

  private boolean matchSet(Set<String> table, Api api, List<String> chain) {
    if (api != null && table.contains(api.qualified())) {
      return true;
    }
    if (chain != null && !chain.isEmpty()) {
      for (String key : table) {
        String[] suffix = suffixes.get(key);
        if (suffix != null && endsWith(chain, suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private void suffixes(Iterable<String> keys) {
    for (String key : keys) {
      if (key.startsWith("*.")) {
        suffixes.put(key, key.substring(2).split("\\."));
      }
    }
  }

  private static boolean endsWith(List<String> chain, String[] suffix) {
    if (suffix.length > chain.size()) {
      return false;
    }
    int offset = chain.size() - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (!chain.get(offset + i).equals(suffix[i])) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> set(String file) {
    return Set.copyOf(lines(file));
  }

  private static Set<String> lower(String file) {
    Set<String> out = new TreeSet<>();
    for (String line : lines(file)) {
      out.add(line.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  static List<String> lines(String file) {
    String resource = "/wsguard/js/apis/" + file;
    InputStream stream = ApiTables.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("missing data table " + resource);
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          out.add(trimmed);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
