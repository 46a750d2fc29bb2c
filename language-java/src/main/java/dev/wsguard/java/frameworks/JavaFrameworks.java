package dev.wsguard.java.frameworks;

import dev.wsguard.core.model.Framework;
import dev.wsguard.java.analysis.ProjectFacts;
import dev.wsguard.java.fix.JavaFixer;
import dev.wsguard.java.frameworks.jakarta.JakartaFixes;
import dev.wsguard.java.frameworks.jakarta.JakartaLinker;
import dev.wsguard.java.frameworks.jakarta.JakartaRecognizer;
import dev.wsguard.java.frameworks.jakarta.WebXmlReader;
import dev.wsguard.java.frameworks.javawebsocket.JavaWebSocketFixes;
import dev.wsguard.java.frameworks.javawebsocket.JavaWebSocketLinker;
import dev.wsguard.java.frameworks.javawebsocket.JavaWebSocketRecognizer;
import dev.wsguard.java.frameworks.micronaut.MicronautFixes;
import dev.wsguard.java.frameworks.micronaut.MicronautLinker;
import dev.wsguard.java.frameworks.micronaut.MicronautRecognizer;
import dev.wsguard.java.frameworks.netty.NettyFixes;
import dev.wsguard.java.frameworks.netty.NettyLinker;
import dev.wsguard.java.frameworks.netty.NettyRecognizer;
import dev.wsguard.java.frameworks.quarkus.QuarkusFixes;
import dev.wsguard.java.frameworks.quarkus.QuarkusLinker;
import dev.wsguard.java.frameworks.quarkus.QuarkusRecognizer;
import dev.wsguard.java.frameworks.spring.SpringFixes;
import dev.wsguard.java.frameworks.spring.SpringLinker;
import dev.wsguard.java.frameworks.spring.SpringRecognizer;
import dev.wsguard.java.frameworks.spring.SummaryRecognizer;
import dev.wsguard.java.frameworks.spring.WebFluxFixes;
import dev.wsguard.java.frameworks.spring.WebFluxLinker;
import dev.wsguard.java.frameworks.spring.WebFluxRecognizer;
import dev.wsguard.java.frameworks.tokens.TokenFixes;
import dev.wsguard.java.frameworks.tokens.TokenRecognizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every Java framework package's recogniser and linker, in the order their results are reported. */
public final class JavaFrameworks {
  private JavaFrameworks() {}

  public static List<JavaRecognizer> recognizers() {
    return List.of(new ProjectFacts(), new SummaryRecognizer(), new TokenRecognizer(), new JakartaRecognizer(),
        new JavaWebSocketRecognizer(), new NettyRecognizer(), new SpringRecognizer(), new WebFluxRecognizer(),
        new QuarkusRecognizer(),
        new MicronautRecognizer());
  }

  public static List<FrameworkLinker> linkers() {
    return List.of(new JakartaLinker(), new JavaWebSocketLinker(), new NettyLinker(), new SpringLinker(),
        new WebFluxLinker(), new QuarkusLinker(), new MicronautLinker());
  }

  public static List<DescriptorReader> descriptorReaders() {
    return List.of(new WebXmlReader());
  }

  /** Each framework's patch writer; a framework missing here gets no patch. */
  public static Map<Framework, JavaFixer> fixers() {
    Map<Framework, JavaFixer> out = new EnumMap<>(Framework.class);
    out.put(Framework.JAKARTA, new JakartaFixes());
    out.put(Framework.JAVA_WEBSOCKET, new JavaWebSocketFixes());
    out.put(Framework.MICRONAUT, new MicronautFixes());
    out.put(Framework.NETTY, new NettyFixes());
    out.put(Framework.QUARKUS, new QuarkusFixes());
    out.put(Framework.SPRING_WS, new SpringFixes());
    out.put(Framework.SPRING_STOMP, new SpringFixes());
    out.put(Framework.SPRING_WEBFLUX, new WebFluxFixes());
    return out;
  }

  /** The patch writer of unverified tokens, in whatever file they are decoded; null while there is none. */
  public static JavaFixer tokenFixer() {
    return new TokenFixes();
  }
}
