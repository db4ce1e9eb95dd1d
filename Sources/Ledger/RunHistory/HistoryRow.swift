import BudgetKit
import GitKit
import Measurements

/// One recorded figure of `bursar history`: the run and commit it comes from, and its verdict
/// against the budget as it stood at that commit, with the exceptions in force then.
public struct HistoryRow: Sendable {
  public var commit: CommitLinks
  /// The run's identity, environment, instants, source and recorder; its figures are left
  /// out (`budgets` is empty), since `result` holds the one this row shows.
  public var run: RunPoint
  /// The figure judged against the effective bound at the commit.
  public var result: MetricCheck
  /// The exceptions covering the metric that were in force at the run's instant.
  public var exceptionsInForce: [ExceptionID]
  /// Whether the budgets at the commit were invalid (then judged as far as they parse).
  public var budgetsInvalid: Bool
}
