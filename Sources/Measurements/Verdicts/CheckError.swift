import BudgetKit

/// Why measurements cannot be checked against the budgets: each case names what and where.
public enum CheckError: Error, Sendable, CustomStringConvertible {
  /// The environment is neither production nor one any budget defines.
  case unknownEnvironment(EnvironmentName, known: [EnvironmentName], at: SourceLocation?)
  /// A measured budget does not define the environment checked.
  case environmentNotInBudget(
    EnvironmentName, budget: Located<BudgetName>, known: [EnvironmentName])
  /// The measurements name a budget the tree does not have.
  case unknownBudget(Located<BudgetName>, hint: String)
  /// A measured figure is neither a metric of its budget nor samples a metric takes from.
  case unknownMetric(Located<MetricName>, budget: BudgetName, hint: String)
  /// A figure's unit family differs from the metric's.
  case unitMismatch(
    metric: MetricName, budget: BudgetName, measured: String, family: UnitFamily,
    expected: UnitFamily, limit: String, at: SourceLocation)
  /// A figure of the wrong kind for its metric, such as raw samples for an `slo` metric.
  case unusableFigure(metric: MetricName, budget: BudgetName, reason: String, at: SourceLocation)
  /// A baseline or drift reference the budget names (`{run: <id>}`, `{commit: <id>}`) gives no
  /// figure; the location is the reference's own, in the budget file.
  case unresolvedReference(
    metric: MetricName, budget: BudgetName, field: String, reference: RecordedReference,
    reason: String, at: SourceLocation)

  public var description: String {
    switch self {
    case .unknownEnvironment(let name, let known, let location):
      let prefix = location.map { "\($0): " } ?? ""
      return "\(prefix)unknown environment `\(name)`; the budgets define \(Self.list(known))"
    case .environmentNotInBudget(let name, let budget, let known):
      return
        "\(budget.location): budget `\(budget.value)` has no environment `\(name)`; it defines \(Self.list(known))"
    case .unknownBudget(let name, let hint):
      return "\(name.location): no budget is named `\(name.value)` (\(hint))"
    case .unknownMetric(let name, let budget, let hint):
      return
        "\(name.location): `\(name.value)` is not a metric of `\(budget)`, nor samples one of its metrics takes a percentile from (\(hint))"
    case .unitMismatch(
      let metric, let budget, let measured, let family, let expected, let limit, let location):
      return
        "\(location): `\(metric)` of `\(budget)` is measured as `\(measured)` (\(family)), but its budget is set in \(expected) (\(limit))"
    case .unusableFigure(let metric, let budget, let reason, let location):
      return "\(location): `\(metric)` of `\(budget)`: \(reason)"
    case .unresolvedReference(let metric, let budget, let field, let reference, let reason, let at):
      return
        "\(at): the `\(field)` of `\(metric)` of `\(budget)` is `\(reference)`, which gives no figure: \(reason)"
    }
  }

  private static func list(_ names: [EnvironmentName]) -> String {
    names.map { "`\($0)`" }.joined(separator: ", ")
  }
}
