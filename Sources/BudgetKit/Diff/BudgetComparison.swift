/// The changes to one budget, matched by name on both sides.
struct BudgetComparison {
  let old: Budget?
  let new: Budget?
  var oldBaselines = ResolvedBaselines()
  var newBaselines = ResolvedBaselines()

  func changes() -> [BudgetChange] {
    guard let name = (new ?? old)?.name.value, let path = (new ?? old)?.path else { return [] }
    if let old, let new, Self.writtenAlike(old, new) { return [] }
    var changes = ownChanges(name: name, path: path)
    let environments = BudgetDiff.mergedOrder(
      old?.environmentNames ?? [], new?.environmentNames ?? [])
    let metrics = BudgetDiff.mergedOrder(old?.metricOrder ?? [], new?.metricOrder ?? [])
    for environment in environments {
      for metric in metrics {
        let before = old.flatMap { oldBaselines.bound(of: metric, in: environment, of: $0) }
        let after = new.flatMap { newBaselines.bound(of: metric, in: environment, of: $0) }
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
        // A drift test's reference sample has no order: any other sample may let drift
        // through, so a new one is governed as a loosening.
        let kind: ChangeKind =
          switch field {
          case .baseline: baselineKind(of: metric)
          case .reference: .loosen
          default: .changed
          }
        changes.append(BudgetChange(.shape(shape), kind: kind, path: path))
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

  /// The direction of a change of what a metric's baseline is recorded from (`{run: …}`,
  /// `{commit: …}`, or a quantity on one side): where the baseline resolves to a figure on both
  /// sides in every environment, the way those figures moved (raising a relative floor's
  /// baseline tightens, a relative ceiling's loosens; an unmoved figure lets nothing more
  /// through and is governed as a tightening); else a loosening, signed off by the dimension's
  /// owners, since nobody can tell what the new figure lets through.
  private func baselineKind(of metric: MetricName) -> ChangeKind {
    guard let old, let new else { return .loosen }
    var kinds: Set<ChangeKind> = []
    for environment in new.environmentNames where old.environmentNames.contains(environment) {
      guard let before = oldBaselines.bound(of: metric, in: environment, of: old),
        let after = newBaselines.bound(of: metric, in: environment, of: new),
        let from = before.baseline, let to = after.baseline,
        let order = from.compare(to: to)
      else { return .loosen }
      guard order != .orderedSame else { continue }
      guard let raises = after.baselineRaises ?? before.baselineRaises else { return .loosen }
      kinds.insert(order == .orderedAscending ? raises : raises.reversed)
    }
    if kinds.isEmpty { return .tighten }
    return kinds.count == 1 ? kinds.first! : .changed
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
