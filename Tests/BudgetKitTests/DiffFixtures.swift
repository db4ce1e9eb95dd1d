import BudgetKit

/// Budget trees built from YAML strings, for the diff tests.
enum DiffFixtures {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice, keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJYyFTGeXks6gWVRRyWF3hGhSIPW2HMaNPS4hbmBohRf alice@laptop"] }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      latency: { owners: [sre] }
      quality: { owners: [ml-eng] }
    rules: { max_exception_days: 90 }
    governance: { owners: [sre] }

    """

  static let fraud = """
    version: 1
    kind: Budget
    name: fraud-detector
    owner: ml-eng
    metrics:
      latency_p95:  { dimension: latency, max: 100ms }
      availability: { dimension: latency, slo: 99.99%, window: 30d }
      precision:    { dimension: quality, min: 0.95 }
    environments:
      staging: { latency_p95: { max: 150ms } }

    """

  /// Another key of alice's, for key changes.
  static let secondKey =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICPNT3B4h6RLbjmZvqRIyvYn0ZTdSJEXB10Y77uR2fmL alice@desk"

  /// A tree of `.budgets/` files given as path (relative to `.budgets/`) and YAML text.
  static func tree(_ files: [String: String]) -> BudgetTree {
    let sources = files.map { path, text in
      BudgetSourceFile(path: ".budgets/" + path, content: .bytes(Array(text.utf8)))
    }
    return BudgetTreeLoader().load(sources)
  }

  /// The owners file and one budget file.
  static func tree(
    budget: String, path: String = "models/fraud.yaml", extra: [String: String] = [:]
  )
    -> BudgetTree
  {
    tree(["owners.yaml": owners, path: budget].merging(extra) { _, new in new })
  }

  /// The changes between two trees, failing loudly when either is invalid.
  static func diff(_ old: BudgetTree, _ new: BudgetTree) -> [BudgetChange] {
    precondition(old.isValid, "old tree invalid: \(old.diagnostics)")
    precondition(new.isValid, "new tree invalid: \(new.diagnostics)")
    return BudgetDiff.changes(from: old, to: new)
  }

  /// `fraud` with one line replaced.
  static func fraud(replacing line: String, with replacement: String) -> String {
    precondition(fraud.contains(line), "no line \(line)")
    return fraud.replacingOccurrences(of: line, with: replacement)
  }
}
