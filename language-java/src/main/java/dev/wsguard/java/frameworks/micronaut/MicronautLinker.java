package dev.wsguard.java.frameworks.micronaut;

import dev.wsguard.core.model.Coverage;
import dev.wsguard.core.model.CredentialSource;
import dev.wsguard.core.model.Endpoint;
import dev.wsguard.core.model.Framework;
import dev.wsguard.core.model.GuardKind;
import dev.wsguard.core.model.GuardPlace;
import dev.wsguard.core.model.HandshakeGuard;
import dev.wsguard.core.model.Language;
import dev.wsguard.core.model.Limits;
import dev.wsguard.core.model.OriginPolicy;
import dev.wsguard.core.model.Strength;
import dev.wsguard.java.config.ConfigEntry;
import dev.wsguard.java.config.ConfigFile;
import dev.wsguard.java.frameworks.FrameworkLinker;
import dev.wsguard.java.frameworks.spring.Modules;
import dev.wsguard.java.link.LinkIndex;
import dev.wsguard.java.link.LinkOutput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds Micronaut endpoints: {@code @Secured} on the class decides the upgrade ({@code isAnonymous()} admits
 * anyone); without it, Micronaut Security (when the project uses it) rejects what no rule allows. Micronaut checks
 * no Origin. Credentials follow {@code micronaut.security.authentication}.
 */
public final class MicronautLinker implements FrameworkLinker {

  @Override
  public void link(LinkIndex index, LinkOutput out) {
    for (LinkIndex.Located<MicronautEndpointFact> located : index.all(MicronautEndpointFact.class)) {
      MicronautEndpointFact e = located.fact();
      Map<String, ConfigEntry> config = new HashMap<>();
      for (LinkIndex.Located<ConfigFile> c : index.all(ConfigFile.class)) {
        if (c.fact().profile().isEmpty() && Modules.same(c.path(), located.path())) {
          c.fact().entries().forEach(config::putIfAbsent);
        }
      }
      List<HandshakeGuard> guards = new ArrayList<>();
      List<String> unknowns = new ArrayList<>();
      boolean anonymous = e.secured().stream().anyMatch(v -> v.equals("isAnonymous()"));
      if (!e.secured().isEmpty() && !anonymous) {
        guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.VERIFIED,
            Coverage.ALL_PATHS, "@Secured(" + String.join(", ", e.secured()) + ") on the endpoint class",
            e.securedAt(), List.of(), List.of()));
      } else if (e.secured().isEmpty() && e.usesSecurity() && !config.containsKey("micronaut.security.intercept-url-map[0].pattern")) {
        // Micronaut Security rejects a request no rule allows, and an un-annotated endpoint has no allowing rule
        guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.VERIFIED,
            Coverage.ALL_PATHS, "Micronaut Security's default: requests no rule allows are rejected", e.declaration(),
            List.of(), List.of()));
      } else if (e.secured().isEmpty() && e.usesSecurity()) {
        unknowns.add("micronaut.security.intercept-url-map decides this path, which wsguard does not read");
        guards.add(new HandshakeGuard(GuardKind.AUTHENTICATION, GuardPlace.HANDSHAKE, Strength.UNKNOWN,
            Coverage.UNKNOWN, "micronaut.security.intercept-url-map", e.declaration(), List.of(), List.of()));
      }
      Set<CredentialSource> credentials = EnumSet.noneOf(CredentialSource.class);
      if (!guards.isEmpty()) {
        ConfigEntry mode = config.get("micronaut.security.authentication");
        String m = mode == null ? "" : mode.value().strip();
        switch (m) {
          case "cookie", "idtoken" -> credentials.add(CredentialSource.COOKIE);
          case "session" -> credentials.add(CredentialSource.HTTP_SESSION);
          case "bearer" -> credentials.add(CredentialSource.HEADER_TOKEN);
          default -> credentials.add(CredentialSource.UNKNOWN);
        }
      }
      out.endpoint(new Endpoint(Framework.MICRONAUT, Language.JAVA, e.declaration(),
          e.path() == null ? List.of() : List.of(e.path()), guards, credentials,
          OriginPolicy.anyByDefault("Micronaut"), e.handlers(), e.sends(), Limits.NONE, unknowns));
    }
  }
}
