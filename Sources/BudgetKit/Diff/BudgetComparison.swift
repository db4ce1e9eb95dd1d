/// The changes to one budget, matched by name on both sides.
struct BudgetComparison {
  let old: Budget?
  let new: Budget?

  func changes() -> [BudgetChange] {
    guard let name = (new ?? old)?.name.value, let path = (new ?? old)?.path else { return [] }
    if let old, let new, Self.writtenAlike(old, new) { return [] }
    var changes = ownChanges(name: name, path: path)
    let environments = BudgetDiff.mergedOrder(
      old?.environmentNames ?? [], new?.environmentNames ?? [])
    let metrics = BudgetDiff.mergedOrder(old?.metricOrder ?? [], new?.metricOrder ?? [])
    for environment in environments {
      for metric in metrics {
        let before = old?.effectiveBound(of: metric, in: environment)
        let after = new?.effectiveBound(of: metric, in: environment)
        for field in BoundComparison.changes(from: before, to: after) {
          let bound = BoundChange(
            budget: name, environment: environment, metric: metric, key: field.key,
            old: field.old, new: field.new, relativeChange: field.relativeChange)
          changes.append(BudgetChange(.bound(bound), kind: field.kind, path: path))
        }
      }
    }
    return changes
  }

  /// Changes to the budget's own fields and to its metrics' dimensions, which decide who
  /// signs off; they have no direction.
  private func ownChanges(name: BudgetName, path: String) -> [BudgetChange] {
    guard let old, let new else { return [] }
    var changes: [BudgetChange] = []
    if old.owner.value != new.owner.value {
      changes.append(
        BudgetChange(
          .owner(budget: name, old: old.owner.value, new: new.owner.value), kind: .changed,
          path: path))
    }
    for metric in new.metricOrder {
      guard let before = old.metrics[metric]?.dimension.value,
        let after = new.metrics[metric]?.dimension.value, before != after
      else { continue }
      changes.append(
        BudgetChange(
          .dimension(budget: name, metric: metric, old: before, new: after), kind: .changed,
          path: path))
    }
    for metric in new.metricOrder {
      guard let before = old.metrics[metric]?.shape, let after = new.metrics[metric]?.shape,
        before != after
      else { continue }
      for (field, oldText, newText) in ShapeChange.changes(from: before, to: after) {
        let shape = ShapeChange(
          budget: name, metric: metric, field: field, old: oldText, new: newText)
        changes.append(BudgetChange(.shape(shape), kind: .changed, path: path))
      }
    }
    for metric in new.metricOrder {
      guard let before = old.metrics[metric], let after = new.metrics[metric],
        before.regression != after.regression
      else { continue }
      let regression = RegressionChange(
        budget: name, metric: metric, old: before.regression.map(Self.regressionText),
        new: after.regression.map(Self.regressionText))
      changes.append(BudgetChange(.regression(regression), kind: .changed, path: path))
    }
    return changes
  }

  /// `{ sigma: 3, min_runs: 5 }`, or `{}` for settings that keep every default.
  static func regressionText(_ settings: RegressionSettings) -> String {
    settings.text.isEmpty ? "{}" : "{ \(settings.text) }"
  }

  /// Whether two budgets hold the same values written the same way, which is the common case
  /// in a diff of many budgets and much cheaper to tell than comparing every effective value.
  /// False means only "compare them in full".
  static func writtenAlike(_ old: Budget, _ new: Budget) -> Bool {
    guard old.owner.value == new.owner.value, old.metricOrder == new.metricOrder,
      old.environmentOrder == new.environmentOrder
    else { return false }
    for (name, metric) in old.metrics {
      guard let other = new.metrics[name], other.bound == metric.bound,
        other.dimension.value == metric.dimension.value, other.shape == metric.shape,
        other.regression == metric.regression
      else { return false }
    }
    for (name, environment) in old.environments {
      guard let other = new.environments[name], other.metricOrder == environment.metricOrder else {
        return false
      }
      for (metric, override) in environment.metrics
      where other.metrics[metric]?.bound != override.bound {
        return false
      }
    }
    return true
  }
}
