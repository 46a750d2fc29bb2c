package dev.wsguard.java.frameworks;

import java.util.List;

/** Every Java framework package's recogniser and linker, in the order their results are reported. */
public final class JavaFrameworks {
  private JavaFrameworks() {}

  public static List<JavaRecognizer> recognizers() {
    return List.of();
  }

  public static List<FrameworkLinker> linkers() {
    return List.of();
  }

  public static List<DescriptorReader> descriptorReaders() {
    return List.of();
  }
}
