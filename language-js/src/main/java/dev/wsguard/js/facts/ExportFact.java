package dev.wsguard.js.facts;

/**
 * One export of a module: a local function (by key), a local binding (by name), or a re-export of another module.
 *
 * @param functionKey the exported function's key; null when the export is no function of this file
 * @param binding the local name exported ("wss"); null when none
 * @param specifier for a re-export: the module it comes from; null otherwise
 * @param importedName for a re-export: the name in that module
 */
public record ExportFact(String functionKey, String binding, String specifier, String importedName) {
  public static ExportFact local(String functionKey, String binding) {
    return new ExportFact(functionKey, binding, null, null);
  }

  public static ExportFact reexport(String specifier, String importedName) {
    return new ExportFact(null, null, specifier, importedName);
  }

  public boolean isReexport() {
    return specifier != null;
  }
}
