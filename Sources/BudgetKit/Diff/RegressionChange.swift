/// A metric's `regression:` settings (how its figures are judged against recorded runs) set,
/// dropped or changed on a metric both sides have. Such a change has no one direction: the
/// loosening rule governs it.
public struct RegressionChange: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  /// The settings as output writes them (`{ sigma: 3, min_runs: 5 }`, `{}` for all defaults);
  /// nil where the side has none.
  public var old: String?
  public var new: String?

  public init(budget: BudgetName, metric: MetricName, old: String?, new: String?) {
    self.budget = budget
    self.metric = metric
    self.old = old
    self.new = new
  }
}
