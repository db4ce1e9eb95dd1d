import Ledger

extension LedgerError {
  /// The error in the command line's words, with the option or command that helps.
  var sentence: String {
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
