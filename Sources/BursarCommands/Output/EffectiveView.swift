import BudgetKit
import Foundation

/// The effective budgets at a point, ready for `show`'s renderers.
struct EffectiveView {
  /// One metric's effective bound in one environment.
  struct Row {
    var environment: EnvironmentName
    var metric: MetricName
    var dimension: DimensionName
    var bound: Bound
    /// Whether the environment overrides the base value.
    var overridden: Bool
    /// Exceptions in force at the moment for this metric and environment.
    var exceptions: [BudgetException]
  }

  struct BudgetView {
    var budget: Budget
    var rows: [Row]
  }

  var label: String
  var moment: Date
  var budgets: [BudgetView]

  init(
    tree: BudgetTree, label: String, moment: Date, budget: BudgetName?,
    environment: EnvironmentName?
  ) {
    self.label = label
    self.moment = moment
    let day = CalendarDay(date: moment)
    budgets = tree.budgets.filter { budget == nil || $0.name.value == budget }
      .sorted { $0.name.value < $1.name.value }
      .map { budget in
        BudgetView(
          budget: budget, rows: Self.rows(of: budget, environment: environment, in: tree, on: day)
        )
      }
  }

  private static func rows(
    of budget: Budget, environment: EnvironmentName?, in tree: BudgetTree, on day: CalendarDay
  ) -> [Row] {
    let environments = budget.environmentNames.filter { environment == nil || $0 == environment }
    return environments.flatMap { env in
      budget.metricOrder.compactMap { metric -> Row? in
        guard let bound = budget.effectiveBound(of: metric, in: env),
          let definition = budget.metrics[metric]
        else {
          return nil
        }
        let granted = tree.exceptions(covering: metric, of: budget.name.value, in: env)
          .filter { $0.isInForce(on: day) }
        return Row(
          environment: env, metric: metric, dimension: definition.dimension.value, bound: bound,
          overridden: env != .production && budget.environments[env]?.metrics[metric] != nil,
          exceptions: granted)
      }
    }
  }
}
