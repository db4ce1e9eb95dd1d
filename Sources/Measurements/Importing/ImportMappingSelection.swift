import BudgetKit

/// Which import mappings of a budgets tree read a tool's output: every mapping for the tool, or
/// the one at a given path.
public enum ImportMappingSelection {
  /// Why no mapping can be applied.
  public enum Failure: Error, Sendable {
    /// The tree holds no `kind: Import` file for the tool.
    case noMapping(ImportTool, others: [String])
    /// No `kind: Import` file is at the path given.
    case notFound(String, known: [String])
    /// The file at the path maps another tool's output.
    case otherTool(String, ImportMappingTool, wanted: ImportTool)
  }

  /// The mappings for `tool`; with `path` (relative to the repository root, or to `.budgets/`),
  /// only the one there.
  public static func mappings(
    for tool: ImportTool, in tree: BudgetTree, path: String? = nil, root: String = ".budgets"
  ) -> Result<[ImportMapping], Failure> {
    guard let path else {
      let found = tree.imports.filter { $0.tool.value == tool.mappingTool }
      guard !found.isEmpty else {
        return .failure(.noMapping(tool, others: tree.imports.map(\.path)))
      }
      return .success(found)
    }
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    let candidates = [trimmed, root + "/" + trimmed]
    guard let mapping = tree.imports.first(where: { candidates.contains($0.path) }) else {
      return .failure(.notFound(path, known: tree.imports.map(\.path)))
    }
    guard mapping.tool.value == tool.mappingTool else {
      return .failure(.otherTool(mapping.path, mapping.tool.value, wanted: tool))
    }
    return .success([mapping])
  }
}
