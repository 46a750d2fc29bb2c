package dev.wsguard.java.frameworks;

import dev.wsguard.java.frameworks.micronaut.MicronautLinker;
import dev.wsguard.java.frameworks.micronaut.MicronautRecognizer;
import dev.wsguard.java.frameworks.quarkus.QuarkusLinker;
import dev.wsguard.java.frameworks.quarkus.QuarkusRecognizer;
import dev.wsguard.java.frameworks.spring.SpringLinker;
import dev.wsguard.java.frameworks.spring.SpringRecognizer;
import dev.wsguard.java.frameworks.spring.SummaryRecognizer;
import java.util.List;

/** Every Java framework package's recogniser and linker, in the order their results are reported. */
public final class JavaFrameworks {
  private JavaFrameworks() {}

  public static List<JavaRecognizer> recognizers() {
    return List.of(
        new SummaryRecognizer(),
        new SpringRecognizer(),
        new QuarkusRecognizer(),
        new MicronautRecognizer());
  }

  public static List<FrameworkLinker> linkers() {
    return List.of(
        new SpringLinker(),
        new QuarkusLinker(),
        new MicronautLinker());
  }

  public static List<DescriptorReader> descriptorReaders() {
    return List.of();
  }
}
