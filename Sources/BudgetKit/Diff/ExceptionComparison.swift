/// The changes to exceptions, matched by id: created, extended, shortened, amended, withdrawn.
///
/// Each change names one metric of the exception, so that filtering by metric finds it; an
/// exception over two metrics that is extended gives two changes.
enum ExceptionComparison {
  static func changes(from old: [BudgetException], to new: [BudgetException]) -> [BudgetChange] {
    let before = Dictionary(old.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = BudgetDiff.mergedOrder(old.map(\.id.value), new.map(\.id.value)).sorted()
    return ids.flatMap { id in changes(from: before[id], to: after[id]) }
  }

  private static func changes(from old: BudgetException?, to new: BudgetException?)
    -> [BudgetChange]
  {
    switch (old, new) {
    case (nil, nil): return []
    case (nil, let new?): return grants(of: new, kind: .added, action: .created)
    case (let old?, nil): return grants(of: old, kind: .removed, action: .withdrawn)
    case (let old?, let new?):
      // Pointing an exception at another budget or environment is a new deviation.
      guard old.budget.value == new.budget.value, old.environment.value == new.environment.value
      else {
        return grants(of: old, kind: .removed, action: .withdrawn)
          + grants(of: new, kind: .added, action: .created)
      }
      return dateChanges(from: old, to: new) + grantChanges(from: old, to: new)
        + textChanges(from: old, to: new)
    }
  }

  /// One change per granted field, for an exception that appears or disappears.
  private static func grants(
    of exception: BudgetException, kind: ChangeKind, action: ExceptionAction
  ) -> [BudgetChange] {
    exception.metrics.flatMap { metric in
      metric.bound.fields.map { key, value in
        let grant = ExceptionChange.Grant(
          metric: metric.name.value, key: key, old: kind == .removed ? value : nil,
          new: kind == .added ? value : nil)
        return change(exception, kind: kind, action: action, field: .grant(grant))
      }
    }
  }

  /// A later expiry or an earlier start extends the exception; the reverse shortens it.
  private static func dateChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    var changes: [BudgetChange] = []
    for laterIsLonger in [false, true] {
      let (before, after) =
        laterIsLonger
        ? (old.expires.value, new.expires.value) : (old.starts.value, new.starts.value)
      guard before != after else { continue }
      let longer = (after > before) == laterIsLonger
      for metric in new.metrics {
        let name = metric.name.value
        let field: ExceptionChange.Field =
          laterIsLonger
          ? .expires(metric: name, old: before, new: after)
          : .starts(metric: name, old: before, new: after)
        changes.append(
          change(
            new, kind: longer ? .loosen : .tighten, action: longer ? .extended : .shortened,
            field: field))
      }
    }
    return changes
  }

  /// Granted values that changed, appeared or disappeared within the exception.
  private static func grantChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    let before = Dictionary(
      old.metrics.map { ($0.name.value, $0.bound) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(
      new.metrics.map { ($0.name.value, $0.bound) }, uniquingKeysWith: { a, _ in a })
    let names = BudgetDiff.mergedOrder(old.metrics.map(\.name.value), new.metrics.map(\.name.value))
    return names.flatMap { name in
      BoundComparison.changes(from: before[name], to: after[name]).map { field in
        // A grant is a ceiling or floor like the budget's own, so its direction reads the same.
        let grant = ExceptionChange.Grant(
          metric: name, key: field.key, old: field.old, new: field.new,
          relativeChange: field.relativeChange)
        return change(new, kind: field.kind, action: .amended, field: .grant(grant))
      }
    }
  }

  private static func textChanges(from old: BudgetException, to new: BudgetException)
    -> [BudgetChange]
  {
    var changes: [BudgetChange] = []
    if old.reason != new.reason {
      changes.append(
        change(
          new, kind: .changed, action: .amended, field: .reason(old: old.reason, new: new.reason)))
    }
    if old.ticket != new.ticket {
      changes.append(
        change(
          new, kind: .changed, action: .amended, field: .ticket(old: old.ticket, new: new.ticket)))
    }
    return changes
  }

  private static func change(
    _ exception: BudgetException, kind: ChangeKind, action: ExceptionAction,
    field: ExceptionChange.Field
  ) -> BudgetChange {
    let what = ExceptionChange(
      id: exception.id.value, budget: exception.budget.value,
      environment: exception.environment.value, action: action, starts: exception.starts.value,
      expires: exception.expires.value, reason: exception.reason, field: field)
    return BudgetChange(.exception(what), kind: kind, path: exception.path)
  }
}
