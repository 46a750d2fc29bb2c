package dev.wsguard.java.unit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project files a Java file may depend on, as paths relative to the scan root: the source file of each imported
 * class and of each same-package class it names, and its module's configuration files. The source root is the
 * file's folder less its package folders; the module root is the folder above {@code src/main/java}.
 */
public final class ImportCandidates {
  static final List<String> CONFIG_FILES = List.of(
      "src/main/resources/application.properties",
      "src/main/resources/application.yml",
      "src/main/resources/application.yaml",
      "src/main/webapp/WEB-INF/web.xml");

  private ImportCandidates() {}

  public static List<String> of(String path, CompilationUnit unit) {
    String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    String packageFolder = packageName.replace('.', '/');
    if (!folder.equals(packageFolder) && !folder.endsWith("/" + packageFolder) && !packageFolder.isEmpty()) {
      return List.of(); // the file does not sit where its package says: no source root to resolve against
    }
    String sourceRoot = packageFolder.isEmpty() ? folder
        : folder.substring(0, folder.length() - packageFolder.length());
    String prefix = sourceRoot.isEmpty() || sourceRoot.endsWith("/") ? sourceRoot : sourceRoot + "/";
    Set<String> out = new LinkedHashSet<>();
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic() || i.isAsterisk()) {
        continue;
      }
      // nested classes (a.b.Outer.Inner) live in Outer's file: try the name, then each shorter prefix
      String name = i.getNameAsString();
      while (name.contains(".")) {
        out.add(prefix + name.replace('.', '/') + ".java");
        name = name.substring(0, name.lastIndexOf('.'));
        if (Character.isLowerCase(name.charAt(name.lastIndexOf('.') + 1))) {
          break;
        }
      }
    }
    Set<String> imported = new TypeNames(unit).singleImports().keySet();
    for (ClassOrInterfaceType t : unit.findAll(ClassOrInterfaceType.class)) {
      if (t.getScope().isEmpty() && !imported.contains(t.getNameAsString())) {
        String samePackage = packageFolder.isEmpty() ? t.getNameAsString() : packageFolder + "/" + t.getNameAsString();
        out.add(prefix + samePackage + ".java");
      }
    }
    String normalizedRoot = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (normalizedRoot.equals("src/main/java") || normalizedRoot.endsWith("/src/main/java")) {
      String module = normalizedRoot.substring(0, normalizedRoot.length() - "src/main/java".length());
      for (String config : CONFIG_FILES) {
        out.add(module + config);
      }
    }
    out.remove(path);
    return List.copyOf(out);
  }
}
