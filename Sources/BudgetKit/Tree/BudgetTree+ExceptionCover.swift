extension BudgetTree {
  /// The exceptions that relax a metric of a budget in an environment, in force or not, in the
  /// tree's order: the one rule `show` and `check` both use to say what covers a metric.
  public func exceptions(
    covering metric: MetricName, of budget: BudgetName, in environment: EnvironmentName
  ) -> [BudgetException] {
    exceptions.filter {
      $0.budget.value == budget && $0.environment.value == environment
        && $0.metrics.contains { $0.name.value == metric }
    }
  }
}
