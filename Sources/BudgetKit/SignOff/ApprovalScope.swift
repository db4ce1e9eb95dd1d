/// Which files an approval should bind: every budget, exception and owners file whose meaning
/// differs between the base and the current tree, approval records aside.
public enum ApprovalScope {
  /// Paths relative to the budgets folder with the current digest (`deleted` for a removed
  /// file), sorted by path.
  public static func changedFiles(
    base: BudgetTree?, current: BudgetTree?, root: String = ".budgets"
  )
    -> [(path: String, digest: String)]
  {
    let before = base?.digests ?? [:]
    let after = current?.digests ?? [:]
    let approvals = Set(
      (base?.approvals ?? []).map(\.path) + (current?.approvals ?? []).map(\.path))
    let prefix = root + "/"
    return Set(before.keys).union(after.keys).sorted()
      .filter { !approvals.contains($0) && $0.hasPrefix(prefix) && before[$0] != after[$0] }
      .map { (String($0.dropFirst(prefix.count)), after[$0] ?? MeaningDigest.deleted) }
  }
}
