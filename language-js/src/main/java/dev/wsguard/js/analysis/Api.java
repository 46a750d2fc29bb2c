package dev.wsguard.js.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What an expression names in terms of a module: {@code jsonwebtoken} + {@code [verify]} for {@code jwt.verify} after
 * {@code const jwt = require('jsonwebtoken')}. A leading {@code default} is dropped, because CommonJS modules are
 * their own default export. Globals ({@code Buffer.from}) have the module "".
 *
 * @param module the specifier as written ("ws", "./auth"), or "" for a global
 */
public record Api(String module, List<String> path) {
  public Api {
    path = List.copyOf(path.isEmpty() || !path.get(0).equals("default") ? path : path.subList(1, path.size()));
  }

  public Api plus(String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return new Api(module, longer);
  }

  public boolean isGlobal() {
    return module.isEmpty();
  }

  /** True for a module of the project itself ("./auth", "../lib/verify", "/abs"), as opposed to a package. */
  public boolean isRelative() {
    return module.startsWith(".") || module.startsWith("/");
  }

  /** The export of the module this names: "default" for the module itself, else the first member. */
  public String exportName() {
    return path.isEmpty() ? "default" : path.get(0);
  }

  /** "jsonwebtoken.verify", "jwt-decode", "Buffer.from". */
  public String qualified() {
    if (module.isEmpty()) {
      return String.join(".", path);
    }
    return path.isEmpty() ? module : module + "." + String.join(".", path);
  }

  @Override
  public String toString() {
    return qualified();
  }
}
