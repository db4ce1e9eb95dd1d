/// What a `BudgetChange` is about, with the values on each side as typed values.
///
/// A metric or a whole budget that appears or goes is a `bound` change per field and
/// environment, of kind `added` or `removed`; the kind tells them from a bound that moved.
public enum ChangeSubject: Sendable, Hashable {
  /// A bound of a budget's metric in an environment moved, was set or was dropped.
  case bound(BoundChange)
  /// A budget is owned by another team.
  case owner(budget: BudgetName, old: TeamName, new: TeamName)
  /// A budget's metric moved to another dimension, which changes who governs it.
  case dimension(budget: BudgetName, metric: MetricName, old: DimensionName, new: DimensionName)
  /// A metric's shape changed: the groups it is measured across, its drift test, its window's
  /// statistic, its parts or its billing period.
  case shape(ShapeChange)
  /// A metric's `regression:` settings, how its figures are judged against recorded runs,
  /// were set, dropped or changed.
  case regression(RegressionChange)
  /// Which figure of a tool's output measures a metric changed (a `kind: Import` entry).
  case importFigure(ImportFigureChange)
  /// An exception was created, extended, shortened, amended or withdrawn.
  case exception(ExceptionChange)
  /// An approval appeared or disappeared.
  case approval(ApprovalChange)
  /// The Owners file changed: teams, members, keys, dimensions, rules or governance.
  case owners(OwnersChange)
}
