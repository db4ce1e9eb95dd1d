/// Where a `.budgets/` tree is read from.
public enum BudgetSource: Sendable, Equatable, CustomStringConvertible {
  /// The files on disk in the work tree.
  case workTree
  /// What is staged in the index (what a pre-commit hook sees).
  case index
  /// The tree of a commit, by any revision `git rev-parse` accepts.
  case revision(String)

  public var description: String {
    switch self {
    case .workTree: "the work tree"
    case .index: "the index"
    case .revision(let revision): "revision \(revision)"
    }
  }
}
