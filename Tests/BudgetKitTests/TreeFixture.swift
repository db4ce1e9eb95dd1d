import BudgetKit

/// Small budget trees built from YAML strings, for the domain tests.
enum TreeFixture {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre:
        members:
          - name: alice
            email: alice@example.com
            keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxmR9AxbSYJMLoiFlVa8EeJZ6tOtOMHuEKAlD+jBSAp alice@example.com"]
      ml-eng:
        members:
          - name: carol
    dimensions:
      latency: { owners: [sre] }
      quality: { owners: [ml-eng] }
    rules:
      max_exception_days: 30
    governance: { owners: [sre, ml-eng], require: all }
    """

  static let budget = """
    version: 1
    kind: Budget
    name: ranker
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: 100ms }
      availability: { dimension: latency, slo: 99.9%, window: 30d }
      precision: { dimension: quality, min: 0.9 }
    environments:
      staging:
        latency_p95: { max: 150ms }
    """

  /// The day the standard trees judge exceptions on: the rule examples' exceptions
  /// (`2026-11-01`…) are in force or upcoming.
  static let day = CalendarDay("2026-11-05")!

  /// A tree of the standard owners and budget plus extra files (path → YAML).
  static func load(
    _ extra: [String: String] = [:], replacingBase: Bool = false, day: CalendarDay = day
  ) -> BudgetTree {
    var files: [String: String] =
      replacingBase ? [:] : [".budgets/owners.yaml": owners, ".budgets/ranker.yaml": budget]
    files.merge(extra) { _, new in new }
    return BudgetTreeLoader(day: day).load(
      files.map { BudgetSourceFile(path: $0.key, content: .bytes(Array($0.value.utf8))) })
  }

  /// The diagnostics of reading one YAML text on its own as a file in the standard tree.
  static func diagnostics(of yaml: String, at path: String = ".budgets/extra.yaml") -> [Diagnostic]
  {
    load([path: yaml]).diagnostics
  }
}
