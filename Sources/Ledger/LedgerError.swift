import GitKit

/// Why a budget tree could not be read at all.
public enum LedgerError: Error, Sendable, CustomStringConvertible {
  /// There is no `.budgets/` folder where one was looked for; `remedy` says what to do.
  case noBudgetsFolder(source: BudgetSource, remedy: BudgetsFolderRemedy)
  /// The work tree was asked for, and the repository is bare.
  case noWorkTree
  /// A git operation failed.
  case git(GitError)
  /// A file in the work tree could not be read.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .noBudgetsFolder(let source, let remedy):
      "no .budgets/ folder in \(source)" + remedy.advice(for: source)
    case .noWorkTree:
      "this is a bare repository, which has no work tree; name a revision with --rev"
    case .git(let error):
      error.description
    case .unreadable(let path, let reason):
      "cannot read \(path): \(reason)"
    }
  }
}
