package dev.wsguard.java.frameworks;

import dev.wsguard.java.facts.JavaFact;
import java.io.IOException;
import java.util.function.Consumer;

/** Reads facts out of an XML deployment descriptor ({@code WEB-INF/web.xml}). */
public interface DescriptorReader {
  void read(String path, byte[] content, Consumer<JavaFact> out) throws IOException;
}
