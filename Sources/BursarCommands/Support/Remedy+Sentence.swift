import BudgetKit

extension Remedy {
  /// The remedy in the command line's words, as a diagnostic's hint.
  var sentence: String {
    switch self {
    case .initialiseOwners: "`bursar init` writes a starter owners.yaml"
    case .replaceBudgetsFile(let root):
      "move it aside and run `bursar init`, or make \(root)/ a folder of budget files"
    case .recomputeDigest:
      "write `sha256:` and 64 lowercase hex digits as `bursar digest` prints them, or `deleted`"
    case .signApproval: "`bursar approve` writes it; it starts with -----BEGIN SSH SIGNATURE-----"
    }
  }
}
