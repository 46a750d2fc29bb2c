package dev.wsguard.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The wsguard version that reports name as their tool version. */
public final class WsguardVersion {
  /**
   * Used when the classes do not come from a packaged jar (tests, IDE runs); keep it in step with the parent pom's
   * version.
   */
  static final String FALLBACK = "0.1.0-SNAPSHOT";

  // maven-archiver writes this file into every jar it builds, so no pom change or resource filtering is needed
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.wsguard/analyzer-core/pom.properties";

  private WsguardVersion() {}

  /** The version from the jar's manifest or Maven properties; {@link #FALLBACK} outside a jar. */
  public static String current() {
    String fromManifest = WsguardVersion.class.getPackage().getImplementationVersion();
    if (fromManifest != null && !fromManifest.isBlank()) {
      return fromManifest;
    }
    return fromPomProperties(WsguardVersion.class.getResourceAsStream(POM_PROPERTIES));
  }

  static String fromPomProperties(InputStream in) {
    if (in == null) {
      return FALLBACK;
    }
    try (in) {
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      return version == null || version.isBlank() ? FALLBACK : version.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
