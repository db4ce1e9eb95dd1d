import BudgetKit
import GitKit

/// The raw files of a `.budgets/` tree at one place, ready for the `BudgetTreeLoader`.
public struct BudgetSnapshot: Sendable {
  /// The files, with paths relative to the repository root.
  public var files: [BudgetSourceFile]
  /// Problems with the folder itself, such as `.budgets` being a file.
  public var diagnostics: [Diagnostic]

  public init(files: [BudgetSourceFile], diagnostics: [Diagnostic] = []) {
    self.files = files
    self.diagnostics = diagnostics
  }

  /// Parses and validates the snapshot.
  public func load(with loader: BudgetTreeLoader = BudgetTreeLoader()) -> BudgetTree {
    var tree = loader.load(files)
    if !diagnostics.isEmpty {
      tree.diagnostics = (diagnostics + tree.diagnostics).sortedByLocation()
    }
    return tree
  }
}
