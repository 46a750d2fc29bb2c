package dev.wsguard.java.facts;

import dev.wsguard.core.model.SourceLocation;
import java.util.List;

/**
 * A class, interface, enum or record declared in a file.
 *
 * @param name the fully qualified name ("com.example.ws.ChatEndpoint"; nested types with '.')
 * @param supertypes the extended and implemented types, fully qualified where the imports say so, else as written
 * @param annotations the type's annotations, fully qualified where the imports say so, else as written
 */
public record TypeFact(String name, SourceLocation location, List<String> supertypes, List<String> annotations)
    implements JavaFact {
  public TypeFact {
    supertypes = List.copyOf(supertypes);
    annotations = List.copyOf(annotations);
  }

  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
