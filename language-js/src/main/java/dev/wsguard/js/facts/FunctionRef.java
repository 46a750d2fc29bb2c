package dev.wsguard.js.facts;

/**
 * A function that a fact depends on, resolved at link time: a function of the same file (by key), or an export of
 * another module as the importing file names it.
 *
 * @param file the file the reference is made from
 * @param specifier the module specifier ("./auth", "@acme/auth"); null for a function of {@code file} itself
 * @param name the function's key in {@code file} when local, else the export name ("default" for the module itself)
 */
public record FunctionRef(String file, String specifier, String name) {
  public static FunctionRef local(String file, String key) {
    return new FunctionRef(file, null, key);
  }

  public static FunctionRef imported(String file, String specifier, String exportName) {
    return new FunctionRef(file, specifier, exportName);
  }

  public boolean isLocal() {
    return specifier == null;
  }

  /** True for an import of the project's own code, which link time can read. */
  public boolean isRelative() {
    return specifier != null && (specifier.startsWith(".") || specifier.startsWith("/"));
  }

  /** How messages name it: "verifyToken from './auth'". */
  public String describe(String localName) {
    return isLocal() ? localName : localName + " from '" + specifier + "'";
  }
}
