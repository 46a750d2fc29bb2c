package dev.wsguard.java.frameworks.spring;

/**
 * Which build module a file belongs to: the folder above {@code src/main/java} (or {@code src/main/resources}). A
 * repository-wide scan holds many applications; one application's security chain or broker configuration says
 * nothing about another's endpoints. Files outside that layout share one module, the scan.
 */
public final class Modules {
  private static final String[] ROOTS = {"src/main/java/", "src/main/resources/", "src/main/kotlin/"};

  private Modules() {}

  public static String of(String path) {
    for (String root : ROOTS) {
      int at = path.indexOf(root);
      if (at == 0 || at > 0 && path.charAt(at - 1) == '/') {
        return path.substring(0, at);
      }
    }
    return "";
  }

  public static boolean same(String a, String b) {
    return of(a).equals(of(b));
  }
}
