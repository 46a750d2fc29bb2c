package dev.wsguard.java.unit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a type name written in a file stands for, read from the file's package and imports alone: no class path and
 * no compilation are needed, which is how the front end reads a project whose dependencies are not on disk.
 */
public final class TypeNames {
  private final String packageName;
  private final Map<String, String> single = new HashMap<>();
  private final List<String> wildcards = new ArrayList<>();
  private final Map<String, String> declared = new HashMap<>();

  public TypeNames(CompilationUnit unit) {
    packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic()) {
        continue;
      }
      String name = i.getNameAsString();
      if (i.isAsterisk()) {
        wildcards.add(name);
      } else {
        single.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
      t.getFullyQualifiedName().ifPresent(fqn -> declared.putIfAbsent(t.getNameAsString(), fqn));
    }
  }

  public String packageName() {
    return packageName;
  }

  /**
   * The fully qualified name a written type name stands for: an explicit import, a type of this file, or a
   * same-package type; a qualified name as written; {@code Outer.Inner} through Outer's import. A name with none of
   * these (a wildcard import or java.lang) comes back as written.
   */
  public String resolve(String written) {
    String name = stripGenerics(written);
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    if (single.containsKey(first)) {
      return single.get(first) + rest;
    }
    if (declared.containsKey(first)) {
      return declared.get(first) + rest;
    }
    return name;
  }

  /**
   * True when the written name may stand for {@code qualified}: the import (or the qualified name) says so, or a
   * wildcard import of its package brings a class of that simple name into scope.
   */
  public boolean is(String written, String qualified) {
    String name = stripGenerics(written);
    String resolved = resolve(name);
    if (resolved.equals(qualified)) {
      return true;
    }
    if (!name.equals(resolved) || name.contains(".")) {
      return false;
    }
    int lastDot = qualified.lastIndexOf('.');
    String simple = qualified.substring(lastDot + 1);
    String pkg = lastDot < 0 ? "" : qualified.substring(0, lastDot);
    if (!simple.equals(name)) {
      return false;
    }
    return wildcards.contains(pkg) || pkg.equals(packageName) || pkg.equals("java.lang");
  }

  /** True when the file imports a class of this package or one beneath it (single or wildcard). */
  public boolean importsFrom(String packagePrefix) {
    return single.values().stream().anyMatch(n -> n.startsWith(packagePrefix + "."))
        || wildcards.stream().anyMatch(w -> w.equals(packagePrefix) || w.startsWith(packagePrefix + "."));
  }

  /** The explicit single-type imports, by simple name. */
  public Map<String, String> singleImports() {
    return Map.copyOf(single);
  }

  private static String stripGenerics(String written) {
    int lt = written.indexOf('<');
    String name = lt < 0 ? written : written.substring(0, lt);
    if (name.endsWith("[]")) {
      name = name.substring(0, name.indexOf('['));
    }
    return name.strip();
  }
}
