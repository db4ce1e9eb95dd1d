import GitKit
import GitKitTestSupport

/// `.budgets/` files as text, and commits of them in an in-memory object store.
enum BudgetTexts {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      latency: { owners: [sre] }
      quality: { owners: [ml-eng] }
    rules: { max_exception_days: 90 }
    governance: { owners: [sre] }

    """

  /// The fraud-detector budget with its p95 latency bound.
  static func fraud(latency: String = "100ms", comment: String = "") -> String {
    """
    version: 1
    kind: Budget
    name: fraud-detector\(comment.isEmpty ? "" : "  # " + comment)
    owner: ml-eng
    metrics:
      latency_p95:  { dimension: latency, max: \(latency) }
      precision:    { dimension: quality, min: 0.95 }

    """
  }

  /// The files of a repository: the owners file, the budget, and any others by path.
  static func files(latency: String = "100ms", extra: [String: String] = [:]) -> [String: String] {
    [
      ".budgets/owners.yaml": owners,
      ".budgets/models/fraud.yaml": fraud(latency: latency),
      "README.md": "A service.\n",
    ].merging(extra) { _, new in new }
  }
}

extension InMemoryObjectStore {
  /// A store with one commit per set of files, in order, on `main`; returns the commits too.
  static func history(_ versions: [[String: String]]) -> (InMemoryObjectStore, [Oid]) {
    let store = InMemoryObjectStore()
    let commits = versions.map { store.commit(texts: $0) }
    return (store, commits)
  }
}
