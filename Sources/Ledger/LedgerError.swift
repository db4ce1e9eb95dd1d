import GitKit

/// Why a budget tree could not be read at all; the command line words each case.
public enum LedgerError: Error, Sendable {
  /// There is no `.budgets/` folder where one was looked for; `remedy` says what to do.
  case noBudgetsFolder(source: BudgetSource, remedy: BudgetsFolderRemedy)
  /// The work tree was asked for, and the repository is bare.
  case noWorkTree
  /// A git operation failed.
  case git(GitError)
  /// A file in the work tree could not be read.
  case unreadable(path: String, reason: String)
}
